package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.Faults;
import dev.ocitk.ocirun.Log;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.cgroups.CgroupLayout;
import dev.ocitk.ocirun.cgroups.CgroupManager;
import dev.ocitk.ocirun.hooks.HookRunner;
import dev.ocitk.ocirun.init.InitConfig;
import dev.ocitk.ocirun.init.InitConfigCodec;
import dev.ocitk.ocirun.init.InitLauncher;
import dev.ocitk.ocirun.init.SyncSocket;
import dev.ocitk.ocirun.linux.NamespaceType;
import dev.ocitk.ocirun.linux.Namespaces;
import dev.ocitk.ocirun.linux.Signals;
import dev.ocitk.ocirun.linux.Spawner;
import dev.ocitk.ocirun.linux.Sys;
import dev.ocitk.ocirun.linux.SyscallNumbers;
import dev.ocitk.ocirun.linux.UnixSockets;
import dev.ocitk.ocirun.spec.LinuxSpec;
import dev.ocitk.ocirun.spec.Spec;
import dev.ocitk.ocirun.spec.SpecLoader;
import dev.ocitk.ocirun.spec.SpecValidator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ocitk.ocirun.spec.Nulls.list;
import static dev.ocitk.ocirun.spec.Nulls.map;

/**
 * The create operation (runtime.md#create, lifecycle steps 1 to 5): validate, claim the id, make
 * the cgroups, spawn the init process into its namespaces, walk it through the sync protocol
 * (see {@link SyncSocket}) while running the prestart and createRuntime hooks, and record the
 * container as created. Any failure undoes every step already taken, so an error leaves the host
 * as if create had never run (runtime.md#errors).
 */
public final class Creator {

    /**
     * @param preserveFds number of descriptors after stdio passed on to the container (runc's --preserve-fds)
     * @param noPivot     use MS_MOVE + chroot instead of pivot_root (runc's --no-pivot)
     */
    public record Request(String id, Path bundle, Path pidFile, Path consoleSocket, int preserveFds, boolean noPivot) {}

    /** The created container; its init process is this process's child until this process exits. */
    public record Created(ContainerState state) {}

    private final StateStore store;

    public Creator(StateStore store) {
        this.store = store;
    }

    public Created create(Request req) {
        dev.ocitk.ocirun.Timing.mark("create: main");
        SyscallNumbers.requireSupportedArch();
        StateStore.validateId(req.id());
        Path bundle = req.bundle().toAbsolutePath().normalize();
        if (!Files.isDirectory(bundle)) {
            throw new OcirunException("bundle " + bundle + " is not a directory");
        }
        SpecLoader.Loaded loaded = SpecLoader.load(bundle);
        Spec spec = loaded.spec();
        for (String warning : SpecValidator.validate(spec)) {
            Log.warn(warning);
        }
        dev.ocitk.ocirun.Timing.mark("create: config parsed");
        Path rootfs = bundle.resolve(spec.root().path()).normalize();
        if (!Files.isDirectory(rootfs)) {
            throw new OcirunException("root.path " + rootfs + " is not a directory (config.md#root)");
        }
        boolean terminal = spec.process() != null && spec.process().terminal();
        if (terminal && req.consoleSocket() == null) {
            throw new OcirunException("process.terminal is true: --console-socket is required to receive the terminal");
        }
        if (!terminal && req.consoleSocket() != null) {
            throw new OcirunException("--console-socket given but process.terminal is not true");
        }
        if (req.preserveFds() < 0) {
            throw new OcirunException("--preserve-fds must not be negative");
        }
        if (store.exists(req.id())) {
            throw new OcirunException("container \"" + req.id() + "\" already exists");
        }
        Path dir = store.create(req.id());
        return new Attempt(store, req, loaded, bundle, rootfs, dir).run();
    }

    /** One create attempt and everything it has made so far, for the undo on failure. */
    private static final class Attempt {
        private final StateStore store;
        private final Request req;
        private final Spec spec;
        private final byte[] specBytes;
        private final Path bundle;
        private final Path rootfs;
        private final Path dir;
        private final LinuxSpec linux;
        private CgroupManager cgroups;
        private final String created = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        private int pid = -1;
        private boolean hookFailed;

        Attempt(StateStore store, Request req, SpecLoader.Loaded loaded, Path bundle, Path rootfs, Path dir) {
            this.store = store;
            this.req = req;
            this.spec = loaded.spec();
            this.specBytes = loaded.bytes();
            this.bundle = bundle;
            this.rootfs = rootfs;
            this.dir = dir;
            this.linux = spec.linux() != null ? spec.linux()
                    : new LinuxSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }

        Created run() {
            List<Integer> fds = new ArrayList<>();
            SyncSocket sync = null;
            try {
                int[] pair = Sys.socketpair();
                sync = new SyncSocket(pair[0]);
                fds.add(pair[1]);
                int base = 3 + req.preserveFds();
                spawnInit(pair[1], base, fds);
                dev.ocitk.ocirun.Timing.mark("create: init spawned");
                // Everything that need not precede the spawn follows it: the init JVM takes ~150 ms to
                // boot and bind JNA, time this thread otherwise spends waiting.
                cgroups = new CgroupManager(CgroupLayout.detect(), linux.cgroupsPath(), req.id());
                java.util.Optional<ProcStat> stat = ProcStat.read(pid);
                if (stat.isEmpty()) {
                    throw new OcirunException("container init process exited at once");
                }
                long startTime = stat.get().startTime();
                // Recorded at once, so a create that is killed from here on can still be deleted with --force.
                ContainerState state = state(startTime);
                store.save(state);

                // The init JVM boots (and binds JNA) while the cgroups are made: it does nothing
                // until it gets its config, which is sent only after it joined them.
                Sys.mkfifo(dir.resolve(StateStore.EXEC_FIFO).toString(), 0622);
                cgroups.create();
                state = state(startTime);
                store.save(state);
                cgroups.apply(linux.resources(), list(linux.devices()));
                cgroups.join(pid);
                dev.ocitk.ocirun.Timing.mark("create: cgroups ready");
                if (spec.process() != null && spec.process().oomScoreAdj() != null) {
                    writeProc(pid, "oom_score_adj", spec.process().oomScoreAdj().toString());
                }
                sync.send(SyncSocket.CONFIG, InitConfigCodec.encode(initConfig(base)));
                dev.ocitk.ocirun.Timing.mark("create: config sent");
                awaitReady(sync, state);

                state = state.withStatus(ContainerStatus.CREATED);
                store.save(state);
                if (req.pidFile() != null) {
                    writePidFile(req.pidFile(), pid);
                }
                return new Created(state);
            } catch (RuntimeException e) {
                fds.forEach(Sys::closeQuietly);
                undo(e);
                throw e;
            } finally {
                if (sync != null) {
                    sync.close();
                }
            }
        }

        /**
         * Starts the init JVM in the container's namespaces with its descriptors in place: the preserved
         * ones at 3.., then the sync socket, the state directory and the console socket from {@code base}.
         */
        private void spawnInit(int syncFd, int base, List<Integer> fds) {
            Map<NamespaceType, Integer> nsFds = Namespaces.openPaths(list(linux.namespaces()));
            fds.addAll(nsFds.values());
            int stateDirFd = Sys.open(dir.toString(), Sys.O_PATH | Sys.O_DIRECTORY | Sys.O_CLOEXEC, 0);
            fds.add(stateDirFd);
            int consoleFd = -1;
            if (req.consoleSocket() != null) {
                consoleFd = UnixSockets.connect(req.consoleSocket().toString());
                fds.add(consoleFd);
            }
            List<Spawner.FdMap> maps = new ArrayList<>();
            for (int fd = 3; fd < base; fd++) {
                maps.add(new Spawner.FdMap(fd, fd));
            }
            maps.add(new Spawner.FdMap(syncFd, base));
            maps.add(new Spawner.FdMap(stateDirFd, base + 1));
            if (consoleFd >= 0) {
                maps.add(new Spawner.FdMap(consoleFd, base + 2));
            }
            Spawner.Request spawn = new Spawner.Request(InitLauncher.javaBinary(), InitLauncher.argv(base),
                    InitLauncher.env(), maps, base + 3, true, null);
            Spawner.startNativeCleaner();
            pid = Spawner.onFreshThread("ocirun-spawn-" + req.id(), new SpawnInNamespaces(nsFds, spawn));
            for (int fd : fds) {
                Sys.closeQuietly(fd);
            }
            fds.clear();
        }

        /**
         * The body of the spawning thread: into the namespaces, then the init. A class rather than a
         * lambda, like the other code on create's path: a lambda not met while the AppCDS archive was
         * made costs its call site a few ms of method-handle work, interpreted, at every create.
         */
        private final class SpawnInNamespaces implements Spawner.Body {
            private final Map<NamespaceType, Integer> nsFds;
            private final Spawner.Request spawn;

            SpawnInNamespaces(Map<NamespaceType, Integer> nsFds, Spawner.Request spawn) {
                this.nsFds = nsFds;
                this.spawn = spawn;
            }

            @Override
            public int run() {
                Namespaces.enter(nsFds, list(linux.namespaces()), map(linux.timeOffsets()));
                if (isNew("mount")) {
                    Namespaces.protectRuntimeFiles(System.getProperty("java.home"));
                }
                return Spawner.spawn(spawn);
            }
        }

        private boolean isNew(String namespaceType) {
            for (LinuxSpec.Namespace n : list(linux.namespaces())) {
                if (namespaceType.equals(n.type()) && (n.path() == null || n.path().isEmpty())) {
                    return true;
                }
            }
            return false;
        }

        private static List<String> strings(List<Path> paths) {
            List<String> out = new ArrayList<>(paths.size());
            for (Path p : paths) {
                out.add(p.toString());
            }
            return out;
        }

        private ContainerState state(long startTime) {
            return new ContainerState(req.id(), bundle.toString(), rootfs.toString(), pid, startTime,
                    ContainerStatus.CREATING, created,
                    map(spec.annotations()), spec.process() != null,
                    strings(cgroups.dirs()),
                    strings(cgroups.created()),
                    spec.hooks() == null ? List.of() : list(spec.hooks().poststart()),
                    spec.hooks() == null ? List.of() : list(spec.hooks().poststop()));
        }

        private InitConfig initConfig(int base) {
            int containerPid = namespacePid(pid);
            String id = req.id();
            return new InitConfig(spec, specBytes, bundle.toString(), rootfs.toString(), isNew("cgroup"),
                    cgroups.mountPlan(),
                    StateCodec.specState(id, ContainerStatus.CREATING, containerPid, bundle.toString(),
                            map(spec.annotations()), false),
                    StateCodec.specState(id, ContainerStatus.CREATED, containerPid, bundle.toString(),
                            map(spec.annotations()), false),
                    req.noPivot(), dir.toString(), base + 1, req.consoleSocket() != null ? base + 2 : -1, base,
                    Faults.current());
        }

        private void awaitReady(SyncSocket sync, ContainerState state) {
            while (true) {
                SyncSocket.Frame f = sync.receive();
                if (f == null) {
                    throw new OcirunException("container init exited before it was ready: " + reapStatus());
                }
                switch (f.type()) {
                    case SyncSocket.MOUNTS_DONE -> {
                        dev.ocitk.ocirun.Timing.mark("create: init mounted");
                        String hookState = StateCodec.specState(req.id(), ContainerStatus.CREATING, pid,
                                bundle.toString(), map(spec.annotations()), false);
                        try {
                            if (spec.hooks() != null) {
                                HookRunner.runAll("prestart", list(spec.hooks().prestart()), hookState, bundle.toString());
                                HookRunner.runAll("createRuntime", list(spec.hooks().createRuntime()), hookState,
                                        bundle.toString());
                            }
                        } catch (OcirunException e) {
                            hookFailed = true;
                            throw e;
                        }
                        sync.send(SyncSocket.HOOKS_DONE);
                    }
                    case SyncSocket.READY -> {
                        dev.ocitk.ocirun.Timing.mark("create: init ready");
                        return;
                    }
                    case SyncSocket.HOOK_ERROR -> {
                        hookFailed = true;
                        throw new OcirunException(f.text());
                    }
                    case SyncSocket.ERROR -> throw new OcirunException(f.text());
                    default -> throw new OcirunException("sync socket: unexpected frame " + f.type());
                }
            }
        }

        private String reapStatus() {
            int[] r = Sys.waitpid(pid, 0);
            pid = -1;
            return r[0] > 0 ? Sys.describeWaitStatus(r[1]) : "unknown status";
        }

        /** Undoes create: init killed and reaped, cgroups removed, state directory removed; poststop hooks after a hook failure. */
        private void undo(RuntimeException cause) {
            if (pid > 0) {
                try {
                    Sys.kill(pid, Signals.SIGKILL);
                } catch (OcirunException ignored) {
                    // already gone
                }
                Sys.waitpid(pid, 0);
            }
            try {
                if (cgroups != null) {
                    CgroupManager.remove(cgroups.created().stream().map(Path::toString).toList(),
                            System.nanoTime() + 5_000_000_000L);
                }
            } catch (OcirunException e) {
                Log.warn("while undoing create: " + e.getMessage());
            }
            store.remove(req.id());
            if (hookFailed && spec.hooks() != null && !Faults.SKIP_POSTSTOP.active()) {
                // runtime.md#lifecycle: a failed create hook continues the lifecycle at step 12, which ends with poststop.
                HookRunner.runAllWarnOnly("poststop", list(spec.hooks().poststop()),
                        StateCodec.specState(req.id(), ContainerStatus.STOPPED, 0, bundle.toString(),
                                map(spec.annotations()), false), bundle.toString());
            }
            Log.debug("create of " + req.id() + " undone after: " + cause.getMessage());
        }
    }

    /** The pid the container's own pid namespace sees: the last field of NSpid in /proc/PID/status. */
    static int namespacePid(int pid) {
        try {
            for (String line : Files.readString(Path.of("/proc/" + pid + "/status")).split("\n")) {
                if (line.startsWith("NSpid:")) {
                    // Tab-separated, one pid per nested namespace; the last is the innermost.
                    String f = line.substring(6).trim();
                    return Integer.parseInt(f.substring(Math.max(f.lastIndexOf('\t'), f.lastIndexOf(' ')) + 1));
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new OcirunException("cannot read the namespace pid of " + pid + ": " + e.getMessage());
        }
        return pid;
    }

    private static void writeProc(int pid, String file, String value) {
        try {
            Files.writeString(Path.of("/proc/" + pid + "/" + file), value);
        } catch (IOException e) {
            throw new OcirunException("cannot set " + file + " to " + value + ": "
                    + (e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage()));
        }
    }

    /** Writes the pid file through a temporary file and a rename, as runc does, so readers never see it empty. */
    static void writePidFile(Path pidFile, int pid) {
        Path target = pidFile.toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, Integer.toString(pid));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new OcirunException("cannot write pid file " + pidFile + ": " + e.getMessage());
        }
    }
}
