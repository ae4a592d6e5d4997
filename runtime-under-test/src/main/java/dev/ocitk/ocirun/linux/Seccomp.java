package dev.ocitk.ocirun.linux;

import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.spec.LinuxSpec;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.ocitk.ocirun.spec.Nulls.list;

/**
 * config-linux.md#seccomp through libseccomp (the library runc and crun use), bound with JNA. The
 * filter is compiled at create time, before pivot_root hides the host's libseccomp, so a bad
 * profile fails create; it is loaded just before execve on the exec'ing thread (without TSYNC,
 * seccomp filters are per thread). libseccomp would set no_new_privs itself; that is turned off
 * so {@code process.noNewPrivileges} alone decides.
 */
public final class Seccomp {
    /** Actions ocirun accepts (SCMP_ACT_NOTIFY needs a listener protocol ocirun does not implement). */
    public static final List<String> ACTIONS = List.of("SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO", "SCMP_ACT_KILL",
            "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD", "SCMP_ACT_LOG", "SCMP_ACT_TRACE", "SCMP_ACT_TRAP");
    public static final List<String> OPERATORS = List.of("SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_EQ",
            "SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_MASKED_EQ");
    public static final List<String> ARCHES = List.of("SCMP_ARCH_X86", "SCMP_ARCH_X86_64", "SCMP_ARCH_X32",
            "SCMP_ARCH_ARM", "SCMP_ARCH_AARCH64", "SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64", "SCMP_ARCH_MIPS64N32",
            "SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64", "SCMP_ARCH_MIPSEL64N32", "SCMP_ARCH_PPC", "SCMP_ARCH_PPC64",
            "SCMP_ARCH_PPC64LE", "SCMP_ARCH_S390", "SCMP_ARCH_S390X", "SCMP_ARCH_PARISC", "SCMP_ARCH_PARISC64",
            "SCMP_ARCH_RISCV64", "SCMP_ARCH_LOONGARCH64", "SCMP_ARCH_M68K", "SCMP_ARCH_SH", "SCMP_ARCH_SHEB");
    public static final List<String> KNOWN_FLAGS = List.of("SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG",
            "SECCOMP_FILTER_FLAG_SPEC_ALLOW", "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV");
    /** Flags libseccomp 2.5 can set (WAIT_KILLABLE_RECV needs 2.6). */
    public static final List<String> SUPPORTED_FLAGS = List.of("SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG",
            "SECCOMP_FILTER_FLAG_SPEC_ALLOW");

    private static final Map<String, Integer> FLAG_ATTRS = Map.of(
            "SECCOMP_FILTER_FLAG_TSYNC", 4, "SECCOMP_FILTER_FLAG_LOG", 6, "SECCOMP_FILTER_FLAG_SPEC_ALLOW", 7);
    private static final int SCMP_FLTATR_CTL_NNP = 3;
    private static final int EPERM = 1;

    /** libseccomp through JNA; loaded only by a container that asks for seccomp. */
    static final class Lib {
        private static final NativeCalls C;

        static {
            LibC.load(); // the JNA set-up of LibC (no ldconfig run) applies here too
            C = new NativeCalls(NativeLibrary.getInstance("libseccomp.so.2"));
        }

        static Pointer seccomp_init(int defaultAction) {
            return C.p("seccomp_init", false, defaultAction);
        }

        static void seccomp_release(Pointer ctx) {
            C.v("seccomp_release", false, ctx);
        }

        static int seccomp_arch_resolve_name(String name) {
            return C.i("seccomp_arch_resolve_name", false, name);
        }

        static int seccomp_arch_add(Pointer ctx, int arch) {
            return C.i("seccomp_arch_add", false, ctx, arch);
        }

        static int seccomp_syscall_resolve_name(String name) {
            return C.i("seccomp_syscall_resolve_name", false, name);
        }

        static int seccomp_rule_add_array(Pointer ctx, int action, int syscall, int argCount, Pointer args) {
            return C.i("seccomp_rule_add_array", false, ctx, action, syscall, argCount, args);
        }

        static int seccomp_attr_set(Pointer ctx, int attr, int value) {
            return C.i("seccomp_attr_set", false, ctx, attr, value);
        }

        static int seccomp_load(Pointer ctx) {
            return C.i("seccomp_load", false, ctx);
        }
    }

    private final Pointer ctx;

    private Seccomp(Pointer ctx) {
        this.ctx = ctx;
    }

    /** The libseccomp action value for a config action and errno (SCMP_ACT_* in seccomp.h). */
    static int action(String name, Long errnoRet, String where) {
        int errno = errnoRet == null ? EPERM : errnoRet.intValue();
        switch (name == null ? "" : name) {
            case "SCMP_ACT_KILL", "SCMP_ACT_KILL_THREAD":
                return 0x00000000;
            case "SCMP_ACT_KILL_PROCESS":
                return 0x80000000;
            case "SCMP_ACT_TRAP":
                return 0x00030000;
            case "SCMP_ACT_ERRNO":
                return 0x00050000 | (errno & 0xffff);
            case "SCMP_ACT_TRACE":
                return 0x7ff00000 | (errno & 0xffff);
            case "SCMP_ACT_LOG":
                return 0x7ffc0000;
            case "SCMP_ACT_ALLOW":
                return 0x7fff0000;
            case "SCMP_ACT_NOTIFY":
                throw new OcirunException(where + ": SCMP_ACT_NOTIFY is not supported by ocirun");
            default:
                throw new OcirunException(where + ": unknown seccomp action \"" + name + "\"");
        }
    }

    static int operator(String op, String where) {
        int i = OPERATORS.indexOf(op);
        if (i < 0) {
            throw new OcirunException(where + ": unknown seccomp operator \"" + op + "\"");
        }
        return i + 1; // SCMP_CMP_NE = 1 ... SCMP_CMP_MASKED_EQ = 7
    }

    /** Checks what can be checked without libseccomp (used by create before anything is made). */
    public static void validate(LinuxSpec.Seccomp s) {
        if (s.defaultErrnoRet() != null && !"SCMP_ACT_ERRNO".equals(s.defaultAction())
                && !"SCMP_ACT_TRACE".equals(s.defaultAction())) {
            throw new OcirunException("linux.seccomp.defaultErrnoRet is only valid with SCMP_ACT_ERRNO or SCMP_ACT_TRACE");
        }
        action(s.defaultAction(), s.defaultErrnoRet(), "linux.seccomp.defaultAction");
        for (String a : list(s.architectures())) {
            if (!ARCHES.contains(a)) {
                throw new OcirunException("linux.seccomp.architectures: unknown architecture \"" + a + "\"");
            }
        }
        for (String f : list(s.flags())) {
            if (!KNOWN_FLAGS.contains(f)) {
                throw new OcirunException("linux.seccomp.flags: unknown flag \"" + f + "\"");
            }
            if (!SUPPORTED_FLAGS.contains(f)) {
                throw new OcirunException("linux.seccomp.flags: " + f + " is not supported (needs libseccomp 2.6)");
            }
        }
        List<LinuxSpec.Syscall> calls = list(s.syscalls());
        for (int i = 0; i < calls.size(); i++) {
            LinuxSpec.Syscall c = calls.get(i);
            String where = "linux.seccomp.syscalls[" + i + "]";
            if (list(c.names()).isEmpty()) {
                throw new OcirunException(where + ".names must have at least one entry");
            }
            if (c.errnoRet() != null && !"SCMP_ACT_ERRNO".equals(c.action()) && !"SCMP_ACT_TRACE".equals(c.action())) {
                throw new OcirunException(where + ".errnoRet is only valid with SCMP_ACT_ERRNO or SCMP_ACT_TRACE");
            }
            action(c.action(), c.errnoRet(), where + ".action");
            for (LinuxSpec.SyscallArg a : list(c.args())) {
                operator(a.op(), where + ".args");
                if (a.index() > 5) {
                    throw new OcirunException(where + ".args: index " + a.index() + " is above 5");
                }
            }
        }
    }

    /** Builds the filter (needs the host's libseccomp: call before pivot_root). */
    public static Seccomp compile(LinuxSpec.Seccomp s) {
        validate(s);
        Pointer ctx;
        try {
            ctx = Lib.seccomp_init(action(s.defaultAction(), s.defaultErrnoRet(), "linux.seccomp.defaultAction"));
        } catch (UnsatisfiedLinkError e) {
            throw new OcirunException("linux.seccomp needs libseccomp.so.2 on the host: " + e.getMessage());
        }
        if (ctx == null) {
            throw new OcirunException("seccomp_init failed");
        }
        boolean ok = false;
        try {
            check(Lib.seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0), "seccomp: turn off libseccomp's no_new_privs");
            for (String a : list(s.architectures())) {
                int token = Lib.seccomp_arch_resolve_name(a.substring("SCMP_ARCH_".length()).toLowerCase(Locale.ROOT));
                if (token == 0) {
                    throw new OcirunException("linux.seccomp.architectures: " + a + " is not supported by this libseccomp");
                }
                int r = Lib.seccomp_arch_add(ctx, token);
                if (r != 0 && r != -Sys.EEXIST) {
                    check(r, "seccomp: add architecture " + a);
                }
            }
            for (String f : list(s.flags())) {
                check(Lib.seccomp_attr_set(ctx, FLAG_ATTRS.get(f), 1), "seccomp: set " + f);
            }
            int defaultAction = action(s.defaultAction(), s.defaultErrnoRet(), "linux.seccomp.defaultAction");
            for (LinuxSpec.Syscall c : list(s.syscalls())) {
                int act = action(c.action(), c.errnoRet(), "linux.seccomp.syscalls");
                if (act == defaultAction) {
                    continue; // libseccomp refuses rules that repeat the default action
                }
                List<LinuxSpec.SyscallArg> args = list(c.args());
                Memory cmp = args.isEmpty() ? null : new Memory(24L * args.size());
                for (int i = 0; i < args.size(); i++) {
                    LinuxSpec.SyscallArg a = args.get(i);
                    cmp.setInt(24L * i, (int) a.index());
                    cmp.setInt(24L * i + 4, operator(a.op(), "linux.seccomp.syscalls"));
                    cmp.setLong(24L * i + 8, a.value());
                    cmp.setLong(24L * i + 16, a.valueTwo());
                }
                for (String name : c.names()) {
                    int nr = Lib.seccomp_syscall_resolve_name(name);
                    if (nr == -1) {
                        // A name this kernel/libseccomp does not know: profiles list syscalls of many
                        // architectures and versions, and runc skips those too.
                        continue;
                    }
                    check(Lib.seccomp_rule_add_array(ctx, act, nr, args.size(), cmp), "seccomp: rule for " + name);
                }
            }
            ok = true;
            return new Seccomp(ctx);
        } finally {
            if (!ok) {
                Lib.seccomp_release(ctx);
            }
        }
    }

    /** Loads the filter into the calling thread (and all threads with TSYNC). */
    public void load() {
        check(Lib.seccomp_load(ctx), "seccomp: load filter");
    }

    private static void check(int r, String what) {
        if (r < 0) {
            throw new SyscallException(what, -r);
        }
    }
}
