package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import dev.ocitk.ocirun.OcirunException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts processes with glibc's posix_spawn through JNA. ProcessBuilder cannot be used where ocirun
 * needs to spawn: from a thread that unshared a pid namespace (it may no longer create threads,
 * and ProcessBuilder needs a reaper thread) and from inside a container's root (jspawnhelper is
 * gone). Every child gets an empty signal mask, default signal dispositions, exactly the
 * descriptors asked for, and optionally a new session.
 */
public final class Spawner {
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08, POSIX_SPAWN_SETSID = 0x80;
    private static final int F_DUPFD_CLOEXEC = 1030;

    private Spawner() {}

    /** Descriptor {@code from} of this process becomes {@code to} in the child. */
    public record FdMap(int from, int to) {}

    /**
     * A spawn request.
     *
     * @param path      absolute executable path
     * @param argv      arguments, argv[0] included
     * @param env       NAME=value entries, exactly the child's environment
     * @param fds       descriptors to install; 0, 1 and 2 are inherited unless mapped
     * @param closeFrom every descriptor from this number up is closed in the child
     * @param newSession whether the child calls setsid()
     * @param cwd       working directory of the child, or null to inherit
     */
    public record Request(String path, List<String> argv, List<String> env, List<FdMap> fds, int closeFrom,
                          boolean newSession, String cwd) {}

    /** Spawns the child and returns its pid. */
    public static int spawn(Request r) {
        // Move every source descriptor above any target first, so no dup2 can clobber a later source.
        List<Integer> temps = new ArrayList<>();
        Memory fa = new Memory(1024);
        Memory attr = new Memory(1024);
        Memory sigs = new Memory(128);
        try {
            check(LibCSpawn.posix_spawn_file_actions_init(fa), "posix_spawn_file_actions_init");
            check(LibCSpawn.posix_spawnattr_init(attr), "posix_spawnattr_init");
            for (FdMap m : r.fds()) {
                int src = m.from();
                if (m.from() != m.to()) {
                    try {
                        src = LibC.fcntl(m.from(), F_DUPFD_CLOEXEC, 1000);
                    } catch (LastErrorException e) {
                        throw Sys.fail("dup fd " + m.from(), e);
                    }
                    temps.add(src);
                }
                check(LibCSpawn.posix_spawn_file_actions_adddup2(fa, src, m.to()), "adddup2 " + m.from() + " to " + m.to());
            }
            check(LibCSpawn.posix_spawn_file_actions_addclosefrom_np(fa, r.closeFrom()), "addclosefrom");
            if (r.cwd() != null) {
                check(LibCSpawn.posix_spawn_file_actions_addchdir_np(fa, r.cwd()), "addchdir " + r.cwd());
            }
            short flags = (short) (POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | (r.newSession() ? POSIX_SPAWN_SETSID : 0));
            check(LibCSpawn.posix_spawnattr_setflags(attr, flags), "posix_spawnattr_setflags");
            LibCSpawn.sigemptyset(sigs);
            check(LibCSpawn.posix_spawnattr_setsigmask(attr, sigs), "posix_spawnattr_setsigmask");
            Memory all = new Memory(128);
            LibCSpawn.sigfillset(all);
            check(LibCSpawn.posix_spawnattr_setsigdefault(attr, all), "posix_spawnattr_setsigdefault");
            Memory argv = Sys.cStringArray(r.argv());
            Memory envp = Sys.cStringArray(r.env());
            int[] pid = new int[1];
            int err = LibCSpawn.posix_spawn(pid, r.path(), fa, attr, argv, envp);
            java.lang.ref.Reference.reachabilityFence(argv);
            java.lang.ref.Reference.reachabilityFence(envp);
            if (err != 0) {
                throw new SyscallException("cannot start " + r.path(), err);
            }
            return pid[0];
        } finally {
            LibCSpawn.posix_spawn_file_actions_destroy(fa);
            LibCSpawn.posix_spawnattr_destroy(attr);
            for (int t : temps) {
                Sys.closeQuietly(t);
            }
        }
    }

    private static void check(int err, String what) {
        if (err != 0) {
            throw new SyscallException(what, err);
        }
    }

    /** What {@link #onFreshThread} runs: returns a pid. */
    public interface Body {
        int run();
    }

    /** The fresh thread's run method; a class, not a lambda (create's start-up cost, see Creator). */
    private static final class Runner implements Runnable {
        private final Body body;
        private final AtomicReference<Integer> result;
        private final AtomicReference<Throwable> error;

        Runner(Body body, AtomicReference<Integer> result, AtomicReference<Throwable> error) {
            this.body = body;
            this.result = result;
            this.error = error;
        }

        @Override
        public void run() {
            try {
                result.set(body.run());
            } catch (Throwable e) {
                error.set(e);
            }
        }
    }

    /**
     * Starts JNA's cleaner thread, if it is not running yet, by allocating native memory once. Call
     * it before {@link #onFreshThread} when the body unshares a pid or time namespace: that thread
     * may no longer create threads, and its first allocation would have to.
     */
    public static void startNativeCleaner() {
        new Memory(8).clear();
    }

    /**
     * Runs {@code body} on a fresh platform thread and returns its result. Namespace changes made with
     * unshare/setns stay on that thread, which then ends: the JVM's other threads, and the caller, are
     * untouched.
     */
    public static int onFreshThread(String name, Body body) {
        AtomicReference<Integer> result = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread t = new Thread(new Runner(body, result, error), name);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcirunException("interrupted while spawning");
        }
        if (error.get() instanceof RuntimeException re) {
            throw re;
        }
        if (error.get() != null) {
            throw new OcirunException("spawn failed: " + error.get());
        }
        return result.get();
    }
}
