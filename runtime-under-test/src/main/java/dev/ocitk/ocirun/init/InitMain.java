package dev.ocitk.ocirun.init;

import com.sun.jna.LastErrorException;
import dev.ocitk.ocirun.Faults;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.hooks.HookRunner;
import dev.ocitk.ocirun.linux.LibC;
import dev.ocitk.ocirun.linux.LibCProc;
import dev.ocitk.ocirun.linux.LibCFs;
import dev.ocitk.ocirun.linux.MountOptions;
import dev.ocitk.ocirun.linux.SecurePath;
import dev.ocitk.ocirun.linux.Sys;
import dev.ocitk.ocirun.linux.Syscalls;
import dev.ocitk.ocirun.spec.LinuxSpec;
import dev.ocitk.ocirun.spec.Spec;
import dev.ocitk.ocirun.spec.Sysctls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.ocitk.ocirun.spec.Nulls.list;
import static dev.ocitk.ocirun.spec.Nulls.map;

/**
 * The container's init process, PID 1 of a new pid namespace: a JVM started by create in the
 * container's namespaces. It builds the container's file system view, reports ready, and blocks
 * opening the exec fifo until start opens the other end; then it runs the startContainer hooks,
 * drops to the configured user and capabilities and execs the program, which keeps its pid.
 *
 * <p>Before READY, failures go to create over the sync socket. After it, they go to start over the
 * fifo: a leading 'E' and a message. A lone '0' means the next thing this process does is execve,
 * and the fifo (close-on-exec) closing without an 'E' means execve succeeded.
 *
 * <p>All work happens on the main thread, which is the thread that execs: per-thread state
 * (cgroup namespace, credentials, capabilities, no_new_privs, signal mask) must be on it.
 */
public final class InitMain {
    private static final int CLONE_NEWCGROUP = 0x02000000;

    private final InitConfig cfg;
    private final SyncSocket sync;
    private final Syscalls sys = Syscalls.linux();
    private final Spec spec;
    private final LinuxSpec linux;
    private int terminalSlave = -1;
    private String executable;
    private ProcessSetup processSetup;
    private dev.ocitk.ocirun.linux.Seccomp seccomp;

    private InitMain(InitConfig cfg, SyncSocket sync) {
        this.cfg = cfg;
        this.sync = sync;
        this.spec = cfg.spec();
        this.linux = spec.linux();
    }

    public static void main(String[] args) {
        dev.ocitk.ocirun.Timing.mark("init: main");
        installSignalHandlers();
        StdioGuard.hide();
        SyncSocket sync = new SyncSocket(Integer.parseInt(args[0]));
        InitMain init;
        try {
            LibC.load();
            dev.ocitk.ocirun.Timing.mark("init: libc bound");
            SyncSocket.Frame f = sync.receive();
            if (f == null || f.type() != SyncSocket.CONFIG) {
                Runtime.getRuntime().halt(1); // create went away before configuring us
                return;
            }
            init = new InitMain(InitConfigCodec.decode(f.payload()), sync);
            dev.ocitk.ocirun.Timing.mark("init: config received");
        } catch (Throwable e) {
            fail(sync, SyncSocket.ERROR, e);
            return;
        }
        init.create();
        init.awaitStartAndExec();
    }

    // ---- create: until READY ----

    private void create() {
        byte errorType = SyncSocket.ERROR;
        try {
            if (cfg.newCgroupNamespace()) {
                try {
                    LibCProc.unshare(CLONE_NEWCGROUP);
                } catch (LastErrorException e) {
                    throw Sys.fail("create cgroup namespace", e);
                }
            }
            Path rootfs = Path.of(cfg.rootfs());
            RootfsSetup rootfsSetup = new RootfsSetup(sys, rootfs, Path.of(cfg.bundle()), cfg.cgroupMount(),
                    cfg.newCgroupNamespace(), cfg.fault()).scratchIn(Path.of(cfg.stateDir()));
            rootfsSetup.prepareRoot(linux == null ? null : linux.rootfsPropagation());
            dev.ocitk.ocirun.Timing.mark("init: root prepared");
            rootfsSetup.mountAll(list(spec.mounts()));
            dev.ocitk.ocirun.Timing.mark("init: mounts done");
            new DevSetup(sys, rootfs).setUp(list(spec.mounts()), linux == null ? List.of() : list(linux.devices()));
            dev.ocitk.ocirun.Timing.mark("init: devices done");
            rootfsSetup.finishDev();
            if (spec.process() != null) {
                RootfsSetup.createMountPoint(SecurePath.resolve(rootfs, spec.process().cwd()), true);
            }

            sync.send(SyncSocket.MOUNTS_DONE);
            SyncSocket.Frame go = sync.receive();
            if (go == null || go.type() != SyncSocket.HOOKS_DONE) {
                Runtime.getRuntime().halt(1); // create failed in a hook and is undoing everything
            }
            if (spec.hooks() != null) {
                errorType = SyncSocket.HOOK_ERROR;
                HookRunner.runAll("createContainer", list(spec.hooks().createContainer()), cfg.createContainerState(),
                        cfg.bundle());
                errorType = SyncSocket.ERROR;
            }

            dev.ocitk.ocirun.Timing.mark("init: hooks done");
            if (linux != null && linux.seccomp() != null) {
                seccomp = dev.ocitk.ocirun.linux.Seccomp.compile(linux.seccomp()); // needs the host's libseccomp
            }
            enterRoot(rootfs);
            dev.ocitk.ocirun.Timing.mark("init: pivoted");
            if (linux != null) {
                RootfsSetup.applyRootPropagation(sys, linux.rootfsPropagation());
            }
            if (cfg.consoleSocketFd() >= 0) {
                terminalSlave = Console.setUp(sys, cfg.consoleSocketFd(),
                        spec.process() == null ? null : spec.process().consoleSize());
            }
            setHostNames();
            if (linux != null) {
                writeSysctls(map(linux.sysctl()));
                maskPaths(list(linux.maskedPaths()));
                readonlyPaths(list(linux.readonlyPaths()));
            }
            if (spec.root().readonly()) {
                sys.mountSetattr("/", false, MountOptions.MOUNT_ATTR_RDONLY, 0);
            }
            if (spec.process() != null) {
                executable = ProcessSetup.resolveExecutable(spec.process().args().get(0), list(spec.process().env()),
                        spec.process().cwd());
                processSetup = new ProcessSetup(spec.process(), linux, new WarnOverSync(sync));
            }
            dev.ocitk.ocirun.Timing.mark("init: ready");
            sync.send(SyncSocket.READY);
            sync.close();
        } catch (Throwable e) {
            fail(sync, errorType, e);
        }
    }

    /** pivot_root into the rootfs and detach the old root (or, with --no-pivot, move the rootfs onto / and chroot). */
    private void enterRoot(Path rootfs) {
        if (cfg.noPivot()) {
            try {
                LibCFs.chdir(rootfs.toString());
                sys.mount(rootfs.toString(), "/", null, MountOptions.MS_MOVE, null);
                LibCFs.chroot(".");
                LibCFs.chdir("/");
            } catch (LastErrorException e) {
                throw Sys.fail("chroot " + rootfs, e);
            }
            return;
        }
        int oldRoot = Sys.open("/", Sys.O_DIRECTORY | Sys.O_RDONLY | Sys.O_CLOEXEC, 0);
        int newRoot = Sys.open(rootfs.toString(), Sys.O_DIRECTORY | Sys.O_RDONLY | Sys.O_CLOEXEC, 0);
        try {
            LibCFs.fchdir(newRoot);
            Sys.pivotRoot(".", ".");
            LibCFs.fchdir(oldRoot);
            // The old root is now stacked on "."; it must not propagate its unmount to the host.
            sys.mount(null, ".", null, MountOptions.MS_SLAVE | MountOptions.MS_REC, null);
            sys.umount(".", Sys.MNT_DETACH);
            LibCFs.chdir("/");
        } catch (LastErrorException e) {
            throw Sys.fail("pivot_root into " + rootfs, e);
        } finally {
            Sys.closeQuietly(oldRoot);
            Sys.closeQuietly(newRoot);
        }
    }

    private void setHostNames() {
        if (spec.hostname() != null && !spec.hostname().isEmpty() && !Faults.SKIP_HOSTNAME.activeIn(cfg.fault())) {
            byte[] b = spec.hostname().getBytes(StandardCharsets.UTF_8);
            try {
                LibCProc.sethostname(b, b.length);
            } catch (LastErrorException e) {
                throw Sys.fail("set hostname " + spec.hostname(), e);
            }
        }
        if (spec.domainname() != null && !spec.domainname().isEmpty()) {
            byte[] b = spec.domainname().getBytes(StandardCharsets.UTF_8);
            try {
                LibCProc.setdomainname(b, b.length);
            } catch (LastErrorException e) {
                throw Sys.fail("set domainname " + spec.domainname(), e);
            }
        }
    }

    private static void writeSysctls(Map<String, String> sysctls) {
        for (Map.Entry<String, String> e : sysctls.entrySet()) {
            Path file = Path.of(Sysctls.procPath(e.getKey()));
            try {
                Files.writeString(file, e.getValue());
            } catch (IOException ex) {
                throw new OcirunException("cannot set sysctl " + e.getKey() + "=" + e.getValue() + ": "
                        + (ex instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                        : ex.toString()));
            }
        }
    }

    /** config-linux.md#masked-paths: /dev/null over files, an empty read-only tmpfs over directories. */
    private void maskPaths(List<String> paths) {
        for (String p : paths) {
            Path path = Path.of(p);
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                sys.mount("tmpfs", p, "tmpfs", MountOptions.MS_RDONLY, null);
            } else {
                sys.mount("/dev/null", p, "bind", MountOptions.MS_BIND, null);
            }
        }
    }

    /** config-linux.md#readonly-paths: a recursive bind of the path onto itself, made read-only throughout. */
    private void readonlyPaths(List<String> paths) {
        for (String p : paths) {
            if (!Files.exists(Path.of(p), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            sys.mount(p, p, "bind", MountOptions.MS_BIND | MountOptions.MS_REC, null);
            sys.mountSetattr(p, true, MountOptions.MOUNT_ATTR_RDONLY, 0);
        }
    }

    // ---- start: after READY ----

    private void awaitStartAndExec() {
        int fifo;
        try {
            // Blocks until start opens the fifo for reading.
            fifo = Sys.openat(cfg.stateDirFd(), "exec.fifo", Sys.O_WRONLY | Sys.O_CLOEXEC, 0);
        } catch (Throwable e) {
            Runtime.getRuntime().halt(1);
            return;
        }
        Sys.closeQuietly(cfg.stateDirFd());
        dev.ocitk.ocirun.Timing.mark("init: released by start");
        try {
            if (spec.process() == null) {
                throw new OcirunException("config.json has no process to start (runtime.md#start)");
            }
            if (spec.hooks() != null) {
                HookRunner.runAll("startContainer", list(spec.hooks().startContainer()), cfg.startContainerState(), "/");
            }
            StdioGuard.restore();
            processSetup.execute(executable, terminalSlave, cfg.firstControlFd(), cfg.fault(), seccomp,
                    new ReportExec(fifo));
        } catch (Throwable e) {
            String msg = e instanceof OcirunException ? e.getMessage() : "internal error in init: " + e;
            try {
                Sys.writeFully(fifo, ("E" + msg).getBytes(StandardCharsets.UTF_8));
            } catch (Throwable ignored) {
                // start sees the fifo close without a message
            }
            Runtime.getRuntime().halt(1);
        }
    }

    private static void fail(SyncSocket sync, byte type, Throwable e) {
        String msg = e instanceof OcirunException ? e.getMessage() : "internal error in init: " + e;
        try {
            sync.send(type, msg.getBytes(StandardCharsets.UTF_8));
        } catch (Throwable ignored) {
            // create is gone; nobody to tell
        }
        Runtime.getRuntime().halt(1);
    }

    // Classes rather than lambdas: the init runs interpreted on create's critical path, and a lambda
    // the AppCDS training run did not meet costs its call site a few ms of method-handle work.

    /** Forwards ProcessSetup's warnings to create, which logs them. */
    private static final class WarnOverSync implements java.util.function.Consumer<String> {
        private final SyncSocket sync;

        WarnOverSync(SyncSocket sync) {
            this.sync = sync;
        }

        @Override
        public void accept(String warning) {
            sync.send(SyncSocket.WARN, warning.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Tells start, over the exec fifo, that the next step is execve. */
    private static final class ReportExec implements Runnable {
        private final int fifo;

        ReportExec(int fifo) {
            this.fifo = fifo;
        }

        @Override
        public void run() {
            Sys.writeFully(fifo, new byte[] {'0'});
        }
    }

    /** Ends the init with the status the signal's default action would give. */
    @SuppressWarnings("removal")
    private static final class HaltOnSignal implements sun.misc.SignalHandler {
        private final int code;

        HaltOnSignal(int code) {
            this.code = code;
        }

        @Override
        public void handle(sun.misc.Signal signal) {
            Runtime.getRuntime().halt(code);
        }
    }

    /**
     * As PID 1 of its namespace the init only receives signals it handles; without handlers a
     * "kill TERM" of a created container would do nothing. These make the usual termination
     * signals end the init as their default action would.
     */
    @SuppressWarnings("removal")
    private static void installSignalHandlers() {
        Map<String, Integer> signals = Map.of("HUP", 1, "INT", 2, "USR1", 10, "USR2", 12, "ALRM", 14, "TERM", 15);
        for (Map.Entry<String, Integer> e : signals.entrySet()) {
            try {
                int code = 128 + e.getValue();
                sun.misc.Signal.handle(new sun.misc.Signal(e.getKey()), new HaltOnSignal(code));
            } catch (IllegalArgumentException used) {
                // the JVM reserves this signal for itself
            }
        }
    }
}
