package dev.ocitk.ocirun.init;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import dev.ocitk.ocirun.Faults;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.linux.Capability;
import dev.ocitk.ocirun.linux.Creds;
import dev.ocitk.ocirun.linux.LibC;
import dev.ocitk.ocirun.linux.LibCSpawn;
import dev.ocitk.ocirun.linux.LibCProc;
import dev.ocitk.ocirun.linux.LibCFs;
import dev.ocitk.ocirun.linux.Rlimit;
import dev.ocitk.ocirun.linux.Sys;
import dev.ocitk.ocirun.linux.SyscallNumbers;
import dev.ocitk.ocirun.spec.LinuxSpec;
import dev.ocitk.ocirun.spec.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dev.ocitk.ocirun.spec.Nulls.list;

/**
 * The process settings of config.md#process applied by the init just before execve, all on the
 * thread that will exec (credentials, capabilities, no_new_privs and the signal mask are per
 * thread and survive execve only on that thread): rlimits, umask, personality, I/O priority,
 * no_new_privs, bounding set, groups, gid, uid, the other capability sets, ambient, cwd.
 */
public final class ProcessSetup {
    private final Spec.Process process;
    private final LinuxSpec linux;
    private final Consumer<String> warn;
    private long bounding, permitted, effective, inheritable;
    private final List<Capability> ambient = new ArrayList<>();

    /**
     * Works out the capability sets at create time, so their warnings reach the create command
     * (through {@code warn}) instead of the program's stderr at start.
     */
    public ProcessSetup(Spec.Process process, LinuxSpec linux, Consumer<String> warn) {
        this.process = process;
        this.linux = linux;
        this.warn = warn;
        Spec.Capabilities caps = process.capabilities();
        if (caps != null) {
            long available = Creds.capget().permitted();
            bounding = mask(caps.bounding(), "bounding", available);
            permitted = mask(caps.permitted(), "permitted", available);
            effective = mask(caps.effective(), "effective", available) & permitted;
            inheritable = mask(caps.inheritable(), "inheritable", available);
            for (String name : list(caps.ambient())) {
                java.util.Optional<Capability> c = Capability.parse(name);
                if (c.isEmpty()) {
                    continue;
                }
                if ((permitted & inheritable & c.get().bit()) == 0) {
                    warn.accept("ambient capability " + name + " left out: the kernel allows an ambient capability"
                            + " only if it is both permitted and inheritable");
                } else {
                    ambient.add(c.get());
                }
            }
        }
    }

    /**
     * Finds the program like execvp: a name with a slash is used as is, else the first executable
     * regular file on the config's PATH. Runs at create, after pivot_root, so a missing program is a
     * create error (as with runc) rather than a start that leaves a dead container.
     */
    public static String resolveExecutable(String arg0, List<String> env, String cwd) {
        if (arg0.contains("/")) {
            Path p = arg0.startsWith("/") ? Path.of(arg0) : Path.of(cwd).resolve(arg0);
            if (!Files.exists(p)) {
                throw new OcirunException("process.args[0] " + arg0 + ": no such file in the container");
            }
            return arg0;
        }
        String path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        for (String e : env) {
            if (e.startsWith("PATH=")) {
                path = e.substring(5);
            }
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? cwd : dir).resolve(arg0);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new OcirunException("process.args[0] " + arg0 + ": executable file not found in PATH " + path);
    }

    /** Applies everything, then execs; returns only by throwing. */
    public void execute(String executable, int terminalSlave, int firstRuntimeFd, String fault,
                        dev.ocitk.ocirun.linux.Seccomp seccomp, Runnable beforeExec) {
        Spec.User user = process.user() != null ? process.user() : new Spec.User(0, 0, null, null);
        for (Spec.Rlimit r : list(process.rlimits())) {
            Rlimit res = Rlimit.parse(r.type()).orElseThrow();
            try {
                LibCProc.prlimit(0, res.resource(), new long[] {r.soft(), r.hard()}, null);
            } catch (LastErrorException e) {
                throw new OcirunException("cannot set " + r.type() + " to soft " + Long.toUnsignedString(r.soft())
                        + " hard " + Long.toUnsignedString(r.hard()) + ": " + Sys.errnoText(e.getErrorCode()));
            }
        }
        if (user.umask() != null) {
            LibCProc.umask(user.umask().intValue());
        }
        if (linux != null && linux.personality() != null) {
            try {
                LibCProc.personality("LINUX32".equals(linux.personality().domain()) ? 0x0008 : 0x0000);
            } catch (LastErrorException e) {
                throw Sys.fail("personality", e);
            }
        }
        if (process.ioPriority() != null) {
            int cls = switch (process.ioPriority().ioClass()) {
                case "IOPRIO_CLASS_RT" -> 1;
                case "IOPRIO_CLASS_BE" -> 2;
                default -> 3;
            };
            try {
                // ioprio_set(IOPRIO_WHO_PROCESS, 0 = this thread, class << 13 | data)
                LibC.syscall(SyscallNumbers.IOPRIO_SET, 1, 0, ((long) cls << 13) | process.ioPriority().priority(), 0, 0, 0);
            } catch (LastErrorException e) {
                throw Sys.fail("ioprio_set", e);
            }
        }
        if (process.noNewPrivileges()) {
            Creds.noNewPrivileges();
        }
        if (seccomp != null && !process.noNewPrivileges()) {
            // Without no_new_privs, loading a filter needs CAP_SYS_ADMIN: load it before capabilities drop.
            seccomp.load();
        }
        Spec.Capabilities caps = process.capabilities();
        if (caps != null) {
            int last = Creds.lastCap();
            for (int c = 0; c <= last; c++) {
                if ((bounding & (1L << c)) == 0) {
                    Creds.dropBounding(c);
                }
            }
            Creds.keepCaps(true);
        }
        Creds.setGroups(list(user.additionalGids()));
        Creds.setResGid(user.gid());
        Creds.setResUid(user.uid());
        if (caps != null) {
            Creds.keepCaps(false);
            Creds.capset(new Creds.CapSets(effective, permitted, inheritable));
            Creds.clearAmbient();
            for (Capability c : ambient) {
                if (!Creds.raiseAmbient(c.number())) {
                    throw new OcirunException("cannot raise ambient capability " + c);
                }
            }
        }
        try {
            LibCFs.chdir(process.cwd());
        } catch (LastErrorException e) {
            throw new OcirunException("cannot change to process.cwd " + process.cwd() + ": " + Sys.errnoText(e.getErrorCode()));
        }
        if (terminalSlave >= 0) {
            Console.attach(terminalSlave);
        }
        List<String> env = Faults.DROP_ENV.activeIn(fault) ? List.of() : list(process.env());
        Memory argv = Sys.cStringArray(process.args());
        Memory envp = Sys.cStringArray(env);
        Memory empty = new Memory(128);
        LibCSpawn.sigemptyset(empty);
        try {
            LibCProc.sigprocmask(2 /* SIG_SETMASK */, empty, null);
        } catch (LastErrorException e) {
            throw Sys.fail("sigprocmask", e);
        }
        Sys.resetIgnoredSignals();
        Sys.closeRangeCloexec(firstRuntimeFd);
        dev.ocitk.ocirun.Timing.mark("init: execve");
        beforeExec.run();
        if (seccomp != null && process.noNewPrivileges()) {
            // Last, so the filter constrains as little of this JVM as possible before execve.
            seccomp.load();
        }
        try {
            LibCProc.execve(executable, argv, envp);
        } catch (LastErrorException e) {
            throw new OcirunException("cannot execute " + executable + ": " + Sys.errnoText(e.getErrorCode()));
        } finally {
            java.lang.ref.Reference.reachabilityFence(argv);
            java.lang.ref.Reference.reachabilityFence(envp);
        }
        throw new OcirunException("execve returned");
    }

    /**
     * A capability set as a bit mask. Names the kernel or this process cannot grant are dropped with
     * a warning: config.md#linux-process requires the warning and advises against failing.
     */
    private long mask(List<String> names, String set, long available) {
        long m = 0;
        List<String> missing = new ArrayList<>();
        for (String name : list(names)) {
            var cap = Capability.parse(name);
            if (cap.isEmpty()) {
                continue; // already warned about at create
            }
            if ((available & cap.get().bit()) == 0) {
                missing.add(name);
                continue;
            }
            m |= cap.get().bit();
        }
        if (!missing.isEmpty()) {
            warn.accept("capabilities not available to ocirun, left out of the " + set + " set: " + String.join(", ", missing));
        }
        return m;
    }
}
