package dev.ocitk.ocirun.lifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The two fields of /proc/PID/stat that tell a live container process from a dead one or from an
 * unrelated process that reused its pid: the state letter (Z = zombie, X = dead) and the start
 * time in clock ticks since boot, which never repeats for one pid.
 */
public record ProcStat(int pid, char state, long startTime) {

    public boolean isGone() {
        return state == 'Z' || state == 'X' || state == 'x';
    }

    public static Optional<ProcStat> read(int pid) {
        return read(Path.of("/proc"), pid);
    }

    static Optional<ProcStat> read(Path proc, int pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(proc.resolve(Integer.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        return parse(pid, text);
    }

    /** Parses a stat line; the command name may hold spaces and parentheses, so fields count from the last ')'. */
    static Optional<ProcStat> parse(int pid, String text) {
        int close = text.lastIndexOf(')');
        if (close < 0 || close + 2 >= text.length()) {
            return Optional.empty();
        }
        String[] f = text.substring(close + 2).trim().split(" ");
        // After the command: field 3 (state) is f[0], field 22 (starttime) is f[19].
        if (f.length < 20 || f[0].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[19])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code pid} still names the process that had {@code startTime} and it has not exited. */
    public static boolean isAlive(int pid, long startTime) {
        Optional<ProcStat> s = read(pid);
        return s.isPresent() && s.get().startTime() == startTime && !s.get().isGone();
    }
}
