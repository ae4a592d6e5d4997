package dev.ocitk.conformance.linux.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One resource limit of a process (getrlimit(2)) by its config name ({@code RLIMIT_NOFILE}). Values are unsigned
 * 64-bit numbers held in a {@code long}: {@link #UNLIMITED} ({@code -1}) is RLIM_INFINITY, all bits set.
 */
public record ResourceLimit(String type, long soft, long hard) {

    public static final long UNLIMITED = -1L;

    /** Config type name to the row label of {@code /proc/<pid>/limits} (fs/proc/base.c, lnames[]). */
    static final Map<String, String> PROC_LABELS = labels();

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("RLIMIT_CPU", "Max cpu time");
        m.put("RLIMIT_FSIZE", "Max file size");
        m.put("RLIMIT_DATA", "Max data size");
        m.put("RLIMIT_STACK", "Max stack size");
        m.put("RLIMIT_CORE", "Max core file size");
        m.put("RLIMIT_RSS", "Max resident set");
        m.put("RLIMIT_NPROC", "Max processes");
        m.put("RLIMIT_NOFILE", "Max open files");
        m.put("RLIMIT_MEMLOCK", "Max locked memory");
        m.put("RLIMIT_AS", "Max address space");
        m.put("RLIMIT_LOCKS", "Max file locks");
        m.put("RLIMIT_SIGPENDING", "Max pending signals");
        m.put("RLIMIT_MSGQUEUE", "Max msgqueue size");
        m.put("RLIMIT_NICE", "Max nice priority");
        m.put("RLIMIT_RTPRIO", "Max realtime priority");
        m.put("RLIMIT_RTTIME", "Max realtime timeout");
        return Map.copyOf(m);
    }

    /** Parses {@code /proc/<pid>/limits}: config type name to limit, for every row the kernel prints. */
    static Map<String, ResourceLimit> parseProcLimits(String text) {
        Map<String, ResourceLimit> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            for (Map.Entry<String, String> e : PROC_LABELS.entrySet()) {
                String label = e.getValue();
                // "Max processes" is not a prefix of another label, but "Max realtime ..." rows share one: match a
                // whole label followed by blanks.
                if (line.startsWith(label) && line.length() > label.length() && line.charAt(label.length()) == ' ') {
                    String[] f = line.substring(label.length()).trim().split("\\s+");
                    out.put(e.getKey(), new ResourceLimit(e.getKey(), value(f[0]), value(f[1])));
                }
            }
        }
        return out;
    }

    private static long value(String s) {
        return s.equals("unlimited") ? UNLIMITED : Long.parseUnsignedLong(s);
    }

    /** True when {@code a} is at most {@code b} as unsigned limits (unlimited is the largest). */
    public static boolean atMost(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0;
    }

    @Override
    public String toString() {
        return type + " soft=" + show(soft) + " hard=" + show(hard);
    }

    private static String show(long v) {
        return v == UNLIMITED ? "unlimited" : Long.toUnsignedString(v);
    }
}
