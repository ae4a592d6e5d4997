package dev.ocitk.conformance.linux.support;

import dev.ocitk.validator.LinuxCapabilities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Linux capabilities by name and bit (capabilities(7), include/uapi/linux/capability.h), and sets of them as the
 * hexadecimal masks {@code /proc/<pid>/status} prints ({@code CapEff: 00000000a80425fb}).
 */
public final class Capabilities {

    private static final List<String> NAMES = LinuxCapabilities.NAMES;

    /** The five sets in the order config.md#linux-process and {@code status} name them. */
    public enum Kind {
        BOUNDING("bounding", "CapBnd"), EFFECTIVE("effective", "CapEff"), PERMITTED("permitted", "CapPrm"),
        INHERITABLE("inheritable", "CapInh"), AMBIENT("ambient", "CapAmb");

        public final String configName;
        public final String statusField;

        Kind(String configName, String statusField) {
            this.configName = configName;
            this.statusField = statusField;
        }
    }

    private Capabilities() {
    }

    public static Optional<Integer> bit(String name) {
        int i = NAMES.indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    /** A set as a mask; every name must be known. */
    public static long mask(Collection<String> names) {
        long m = 0;
        for (String n : names) {
            m |= 1L << bit(n).orElseThrow(() -> new IllegalArgumentException("unknown capability " + n));
        }
        return m;
    }

    /** Parses a {@code status} mask such as {@code 000001ffffffffff}. */
    public static long parseMask(String hex) {
        return Long.parseUnsignedLong(hex.trim(), 16);
    }

    /** Names in a mask, by bit; bits without a name show as {@code bit<n>}. */
    public static List<String> names(long mask) {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < 64; b++) {
            if ((mask & (1L << b)) != 0) out.add(b < NAMES.size() ? NAMES.get(b) : "bit" + b);
        }
        return out;
    }

    /** The five sets of a process, read from its {@code status}. */
    public static Map<Kind, Long> ofProcess(ProcFs process) {
        Map<String, String> status = process.status();
        Map<Kind, Long> out = new TreeMap<>();
        for (Kind k : Kind.values()) {
            String v = status.get(k.statusField);
            if (v == null) throw new AssertionError("/proc/" + process.pid() + "/status has no " + k.statusField);
            out.put(k, parseMask(v));
        }
        return out;
    }

    /**
     * The sets a process has right after execve(2) of a program without file capabilities and without set-user-ID,
     * when it held {@code before} just before the call (capabilities(7), "Transformation of capabilities during
     * execve()"; security/commoncap.c, cap_bprm_creds_from_file). A runtime sets the configured sets and then
     * executes the user program, so this is what the kernel shows for the container process:
     * <ul>
     *   <li>bounding and inheritable are kept; ambient is kept (the kernel keeps only bits that are both
     *       permitted and inheritable, which a runtime that raised them satisfied);</li>
     *   <li>uid 0 (without SECBIT_NOROOT): the program counts as having every file capability, so permitted becomes
     *       bounding | inheritable; with no_new_privs set, the kernel then refuses any gain and cuts it back to
     *       the permitted set held before; ambient is added, and effective equals permitted;</li>
     *   <li>any other uid: permitted and effective become the ambient set.</li>
     * </ul>
     */
    public static Map<Kind, Long> afterExec(Map<Kind, Long> before, boolean rootUser, boolean noNewPrivs) {
        long bnd = before.getOrDefault(Kind.BOUNDING, 0L);
        long inh = before.getOrDefault(Kind.INHERITABLE, 0L);
        long oldPrm = before.getOrDefault(Kind.PERMITTED, 0L);
        long amb = before.getOrDefault(Kind.AMBIENT, 0L) & oldPrm & inh;
        long prm;
        if (rootUser) {
            prm = bnd | inh;
            if (noNewPrivs) prm &= oldPrm;
            prm |= amb;
        } else {
            prm = amb;
        }
        Map<Kind, Long> out = new TreeMap<>();
        out.put(Kind.BOUNDING, bnd);
        out.put(Kind.INHERITABLE, inh);
        out.put(Kind.AMBIENT, amb);
        out.put(Kind.PERMITTED, prm);
        out.put(Kind.EFFECTIVE, prm);
        return out;
    }

    /** One line per set, e.g. {@code effective: CAP_KILL, CAP_CHOWN}, for failure messages. */
    public static String describe(Map<Kind, Long> sets) {
        StringBuilder b = new StringBuilder();
        sets.forEach((k, m) -> b.append("\n    ").append(k.configName).append(": ").append(names(m)));
        return b.toString();
    }
}
