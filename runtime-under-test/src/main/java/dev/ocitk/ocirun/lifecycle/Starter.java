package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.Faults;
import dev.ocitk.ocirun.Log;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.hooks.HookRunner;
import java.io.FileInputStream;
import java.io.IOException;
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
            dev.ocitk.ocirun.Timing.mark("start: releasing init");
            String outcome = releaseInit(s, store.fifo(id));
            dev.ocitk.ocirun.Timing.mark("start: init executed the program");
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
            dev.ocitk.ocirun.Timing.mark("start: recorded running");
            try {
                if (!s.poststart().isEmpty()) {
                    HookRunner.runAll("poststart", s.poststart(),
                            StateCodec.specState(id, ContainerStatus.RUNNING, s.pid(), s.bundle(), s.annotations(), false),
                            s.bundle());
                }
            } catch (OcirunException e) {
                // runtime.md#lifecycle step 9 (spec 1.3.0): stop the container and continue at step 12.
                Destroyer.destroy(store, s);
                throw e;
            }
        }
    }

    /**
     * Opens the fifo and collects everything the init writes until it closes it, or returns what
     * there is once the init has died. Plain Java on purpose: start is a hot verb and loading JNA
     * would cost it a large share of its run time. The open blocks until the init, itself blocked
     * opening the other end, is there; if the init dies first the open would block forever, so a
     * reader thread does the blocking while this thread checks, between waits for the reader, that
     * the init still lives. (No ProcessHandle.onExit or CompletableFuture: their thread pools and
     * lambdas cost start ~10 ms, measured.)
     */
    private static String releaseInit(ContainerState s, Path fifo) {
        if (!ProcStat.isAlive(s.pid(), s.pidStartTime())) {
            return "";
        }
        FifoReader reader = new FifoReader(fifo);
        Thread thread = new Thread(reader, "ocirun-exec-fifo");
        thread.setDaemon(true);
        thread.start();
        try {
            while (!reader.done(INIT_CHECK_MILLIS)) {
                if (!ProcStat.isAlive(s.pid(), s.pidStartTime())) {
                    // If the init exited after opening its end, its output is complete already or moments away.
                    return reader.done(EXITED_INIT_GRACE_MILLIS) ? reader.output() : "";
                }
            }
            return reader.output();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** How often start checks that the init is still alive while it waits for the fifo. */
    private static final long INIT_CHECK_MILLIS = 20;
    /** How long start waits for the fifo's contents after the init exited. */
    private static final long EXITED_INIT_GRACE_MILLIS = 2000;

    /** Reads the exec fifo to its end on its own thread, because opening it blocks until the init opens the other end. */
    private static final class FifoReader implements Runnable {
        private final Path fifo;
        private String output;

        FifoReader(Path fifo) {
            this.fifo = fifo;
        }

        @Override
        public void run() {
            String got;
            // read() until EOF: readAllBytes() would seek, which a fifo refuses.
            try (FileInputStream in = new FileInputStream(fifo.toFile())) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                byte[] buf = new byte[4096];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    bytes.write(buf, 0, n);
                }
                got = bytes.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                got = "Ecannot read the exec fifo " + fifo + ": " + e.getMessage();
            }
            synchronized (this) {
                output = got;
                notifyAll();
            }
        }

        /** Waits up to {@code millis} for the reader to finish; true once it has. */
        synchronized boolean done(long millis) throws InterruptedException {
            long deadline = System.nanoTime() + millis * 1_000_000L;
            while (output == null) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        }

        synchronized String output() {
            return output;
        }
    }
}
