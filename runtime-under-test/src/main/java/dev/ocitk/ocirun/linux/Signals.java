package dev.ocitk.ocirun.linux;

import dev.ocitk.ocirun.OcirunException;

import java.util.Locale;
import java.util.Map;

/**
 * Signal names as the kill verb accepts them, runc-style: "TERM", "SIGTERM", "15", and the
 * real-time forms "RTMIN+3" / "SIGRTMAX-1". Numbers are the generic Linux ones (x86_64, arm64);
 * RTMIN is glibc's 34, since glibc keeps 32 and 33 for itself.
 */
public final class Signals {
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;
    public static final int RTMIN = 34;
    public static final int RTMAX = 64;

    private static final Map<String, Integer> BY_NAME = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
            Map.entry("TRAP", 5), Map.entry("ABRT", 6), Map.entry("IOT", 6), Map.entry("BUS", 7),
            Map.entry("FPE", 8), Map.entry("KILL", 9), Map.entry("USR1", 10), Map.entry("SEGV", 11),
            Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14), Map.entry("TERM", 15),
            Map.entry("STKFLT", 16), Map.entry("CHLD", 17), Map.entry("CONT", 18), Map.entry("STOP", 19),
            Map.entry("TSTP", 20), Map.entry("TTIN", 21), Map.entry("TTOU", 22), Map.entry("URG", 23),
            Map.entry("XCPU", 24), Map.entry("XFSZ", 25), Map.entry("VTALRM", 26), Map.entry("PROF", 27),
            Map.entry("WINCH", 28), Map.entry("IO", 29), Map.entry("POLL", 29), Map.entry("PWR", 30),
            Map.entry("SYS", 31));

    private Signals() {}

    /** Parses a signal argument; throws a one-line error naming the bad value. */
    public static int parse(String arg) {
        String s = arg.trim();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            int n;
            try {
                n = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw unknown(arg);
            }
            if (n < 1 || n > RTMAX) {
                throw unknown(arg);
            }
            return n;
        }
        String name = s.toUpperCase(Locale.ROOT);
        if (name.startsWith("SIG")) {
            name = name.substring(3);
        }
        Integer n = BY_NAME.get(name);
        if (n != null) {
            return n;
        }
        if (name.startsWith("RTMIN") || name.startsWith("RTMAX")) {
            int base = name.startsWith("RTMIN") ? RTMIN : RTMAX;
            String rest = name.substring(5);
            int offset = 0;
            if (!rest.isEmpty()) {
                if ((rest.charAt(0) != '+' && rest.charAt(0) != '-') || rest.length() < 2
                        || !rest.substring(1).chars().allMatch(Character::isDigit) || rest.length() > 4) {
                    throw unknown(arg);
                }
                offset = Integer.parseInt(rest);
            }
            int sig = base + offset;
            if (sig >= RTMIN && sig <= RTMAX) {
                return sig;
            }
        }
        throw unknown(arg);
    }

    private static OcirunException unknown(String arg) {
        return new OcirunException("unknown signal \"" + arg + "\"");
    }
}
