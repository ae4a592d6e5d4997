package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.Faults;
import dev.ocitk.ocirun.Log;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.hooks.HookRunner;
import dev.ocitk.ocirun.linux.Sys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The start operation (runtime.md#start, lifecycle steps 6 to 9): open the exec fifo so the init
 * process, blocked on its other end, runs the startContainer hooks and execs the program; learn the
 * outcome from what it writes before the fifo closes (see the init's protocol); then record the
 * container as running and run the poststart hooks. A failed startContainer or poststart hook stops
 * the container and continues at step 12: the container is destroyed and the poststop hooks run.
 */
public final class Starter {
    private final StateStore store;

    public Starter(StateStore store) {
        this.store = store;
    }

    public void start(String id) {
        ContainerState s;
        try (StateStore.Lock ignored = store.lock(id)) {
            Container c = Container.load(store, id);
            s = c.state();
            ContainerStatus status = c.status();
            if (!status.canStart() && !Faults.START_ANY_STATUS.active()) {
                throw status.cannot("start", id);
            }
            if (status != ContainerStatus.CREATED) {
                return; // START_ANY_STATUS: pretend it worked
            }
            if (!s.hasProcess()) {
                throw new OcirunException("cannot start container \"" + id + "\": config.json has no process (runtime.md#start)");
            }
            String outcome = releaseInit(s, store.fifo(id));
            try {
                Files.deleteIfExists(store.fifo(id));
            } catch (java.io.IOException e) {
                Log.warn("cannot remove " + store.fifo(id) + ": " + e.getMessage());
            }
            if (!outcome.equals("0")) {
                String why = outcome.contains("E") ? outcome.substring(outcome.indexOf('E') + 1)
                        : "the container process exited before it executed the program";
                Destroyer.destroy(store, s);
                throw new OcirunException("cannot start container \"" + id + "\": " + why);
            }
            s = s.withStatus(ContainerStatus.RUNNING);
            store.save(s);
            try {
                HookRunner.runAll("poststart", s.poststart(),
                        StateCodec.specState(id, ContainerStatus.RUNNING, s.pid(), s.bundle(), s.annotations(), false),
                        s.bundle());
            } catch (OcirunException e) {
                // runtime.md#lifecycle step 9 (spec 1.3.0): stop the container and continue at step 12.
                Destroyer.destroy(store, s);
                throw e;
            }
        }
    }

    /** Opens the fifo, collects everything the init writes until it closes, and returns it. */
    private static String releaseInit(ContainerState s, Path fifo) {
        int pidfd = Sys.pidfdOpen(s.pid());
        if (pidfd < 0 || !ProcStat.isAlive(s.pid(), s.pidStartTime())) {
            Sys.closeQuietly(pidfd);
            return "";
        }
        int fd = -1;
        try {
            fd = Sys.open(fifo.toString(), Sys.O_RDONLY | Sys.O_NONBLOCK | Sys.O_CLOEXEC, 0);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (true) {
                // Until the init opens its end, poll reports nothing on the fifo (no hang-up before a
                // writer has come and gone); the pidfd turns readable if the init dies first.
                short[] ev = Sys.poll(new int[] {fd, pidfd}, -1);
                if (ev[0] != 0) {
                    int n = readNonBlocking(fd, buf);
                    if (n > 0) {
                        got.write(buf, 0, n);
                        continue;
                    }
                    if (n == 0) {
                        break;
                    }
                }
                if (ev[1] != 0) {
                    int n;
                    while ((n = readNonBlocking(fd, buf)) > 0) {
                        got.write(buf, 0, n);
                    }
                    break;
                }
            }
            return got.toString(StandardCharsets.UTF_8);
        } finally {
            Sys.closeQuietly(fd);
            Sys.closeQuietly(pidfd);
        }
    }

    /** read(2) that returns -1 on EAGAIN. */
    private static int readNonBlocking(int fd, byte[] buf) {
        try {
            return Sys.read(fd, buf);
        } catch (dev.ocitk.ocirun.linux.SyscallException e) {
            if (e.errno() == Sys.EAGAIN) {
                return -1;
            }
            throw e;
        }
    }
}
