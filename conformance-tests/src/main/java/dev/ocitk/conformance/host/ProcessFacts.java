package dev.ocitk.conformance.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Facts about a host process read from {@code /proc/<pid>/stat}. The start time (field 22) pins a PID to one
 * process, so a recycled PID is never mistaken for the container process the harness recorded.
 */
public final class ProcessFacts {

    private ProcessFacts() {
    }

    /** A process as first seen: its PID and start time in clock ticks since boot. */
    public record Identity(long pid, long startTime) {
        /** True when this very process still exists and is not a zombie. */
        public boolean isAlive() {
            return ProcessFacts.stat(pid).filter(s -> s.startTime == startTime && s.state != 'Z').isPresent();
        }
    }

    /** The fields of {@code /proc/<pid>/stat} the harness uses. */
    public record Stat(long pid, String comm, char state, long parentPid, long startTime) {
    }

    public static Optional<Identity> identify(long pid) {
        return stat(pid).map(s -> new Identity(pid, s.startTime));
    }

    public static OptionalLong startTime(long pid) {
        return stat(pid).map(s -> OptionalLong.of(s.startTime)).orElse(OptionalLong.empty());
    }

    public static Optional<Stat> stat(long pid) {
        if (pid <= 0) return Optional.empty();
        String text;
        try {
            text = Files.readString(Path.of("/proc/" + pid + "/stat"));
        } catch (IOException gone) {
            return Optional.empty();
        }
        return Optional.of(parseStat(text));
    }

    /** Parses a stat line; comm may contain spaces and parentheses, so fields are counted from the last ')'. */
    static Stat parseStat(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        String[] rest = text.substring(close + 2).trim().split(" ");
        // rest[0] is field 3 (state); field n is rest[n - 3].
        return new Stat(Long.parseLong(text.substring(0, open).trim()), text.substring(open + 1, close),
                rest[0].charAt(0), Long.parseLong(rest[1]), Long.parseLong(rest[19]));
    }
}
