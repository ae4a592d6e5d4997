package dev.ocitk.ocirun.hooks;

import dev.ocitk.ocirun.Log;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.linux.Signals;
import dev.ocitk.ocirun.linux.Spawner;
import dev.ocitk.ocirun.linux.Sys;
import dev.ocitk.ocirun.spec.Spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.ocitk.ocirun.spec.Nulls.list;

/**
 * Runs hooks (config.md#posix-platform-hooks) in the listed order, each with the container state
 * on stdin. The hook is executed like execv: {@code path} is the program, {@code args} its argv
 * (argv[0] included, so busybox-style multi-call binaries work), {@code env} its whole environment.
 * A hook fails if it cannot start, exits non-zero, is killed, or outlives its {@code timeout};
 * its stderr is quoted in the error. Used by the CLI for runtime-namespace hooks and by the init
 * process for container-namespace hooks, so both share one behaviour.
 */
public final class HookRunner {
    private static final int OUTPUT_LIMIT = 4096;

    private HookRunner() {}

    /** Runs every hook of {@code kind}; the first failure throws and the rest do not run. */
    public static void runAll(String kind, List<Spec.Hook> hooks, String state, String cwd) {
        for (int i = 0; i < hooks.size(); i++) {
            run(kind, i, hooks.get(i), state, cwd);
        }
    }

    /** Runs every hook, logging failures as warnings (config.md#poststop: the lifecycle continues). */
    public static void runAllWarnOnly(String kind, List<Spec.Hook> hooks, String state, String cwd) {
        for (int i = 0; i < hooks.size(); i++) {
            try {
                run(kind, i, hooks.get(i), state, cwd);
            } catch (OcirunException e) {
                Log.warn(e.getMessage());
            }
        }
    }

    static void run(String kind, int index, Spec.Hook hook, String state, String cwd) {
        String name = kind + " hook #" + index + " (" + hook.path() + ")";
        List<String> argv = list(hook.args()).isEmpty() ? List.of(hook.path()) : hook.args();
        int[] in = Sys.pipe();
        int[] err = Sys.pipe();
        int pid;
        try {
            pid = Spawner.spawn(new Spawner.Request(hook.path(), argv, list(hook.env()),
                    List.of(new Spawner.FdMap(in[0], 0), new Spawner.FdMap(err[1], 1), new Spawner.FdMap(err[1], 2)),
                    3, false, cwd));
        } catch (OcirunException e) {
            Sys.closeQuietly(in[0]);
            Sys.closeQuietly(in[1]);
            Sys.closeQuietly(err[0]);
            Sys.closeQuietly(err[1]);
            throw new OcirunException(name + " failed: " + e.getMessage());
        }
        Sys.closeQuietly(in[0]);
        Sys.closeQuietly(err[1]);
        int pidfd = Sys.pidfdOpen(pid);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            writeState(in[1], state);
            long deadline = hook.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + hook.timeout() * 1_000_000_000L;
            boolean outputOpen = true;
            boolean exited = pidfd < 0;
            while (!exited) {
                long left = deadline == Long.MAX_VALUE ? -1 : Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                short[] ev = Sys.poll(outputOpen ? new int[] {pidfd, err[0]} : new int[] {pidfd}, (int) Math.min(left, Integer.MAX_VALUE));
                if (ev == null) {
                    Sys.kill(pid, Signals.SIGKILL);
                    Sys.waitpid(pid, 0);
                    throw new OcirunException(name + " failed: timed out after " + hook.timeout() + "s");
                }
                if (outputOpen && ev[1] != 0) {
                    outputOpen = drain(err[0], output);
                }
                exited = ev[0] != 0;
            }
            int status = Sys.waitpid(pid, 0)[1];
            if (outputOpen) {
                Sys.setNonBlocking(err[0], true);
                drainNonBlocking(err[0], output);
            }
            if (status != 0) {
                String out = output.toString(StandardCharsets.UTF_8).strip().replace('\n', ' ');
                throw new OcirunException(name + " failed: " + Sys.describeWaitStatus(status)
                        + (out.isEmpty() ? "" : ": " + out));
            }
        } finally {
            Sys.closeQuietly(pidfd);
            Sys.closeQuietly(in[1]);
            Sys.closeQuietly(err[0]);
        }
    }

    /** Writes the state; a hook that exits without reading stdin must not fail the write (EPIPE is ignored). */
    private static void writeState(int fd, String state) {
        try {
            Sys.writeFully(fd, state.getBytes(StandardCharsets.UTF_8));
        } catch (OcirunException ignored) {
            // the hook closed its stdin: its exit status decides
        }
        Sys.closeQuietly(fd);
    }

    /** Reads what is available; returns false at end of file. */
    private static boolean drain(int fd, ByteArrayOutputStream out) {
        byte[] buf = new byte[4096];
        int n = Sys.read(fd, buf);
        if (n <= 0) {
            return false;
        }
        if (out.size() < OUTPUT_LIMIT) {
            out.write(buf, 0, Math.min(n, OUTPUT_LIMIT - out.size()));
        }
        return true;
    }

    private static void drainNonBlocking(int fd, ByteArrayOutputStream out) {
        try {
            while (drain(fd, out)) {
                // keep reading until EOF or EAGAIN
            }
        } catch (OcirunException eagain) {
            // nothing more buffered
        }
    }
}
