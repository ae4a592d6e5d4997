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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * Opens the fifo and collects everything the init writes until it closes it, or returns what
     * there is once the init has died. Plain Java on purpose: start is a hot verb and loading JNA
     * would cost it a large share of its run time. The open blocks until the init, itself blocked
     * opening the other end, is there; if the init dies first the open would block forever, so a
     * reader thread does the blocking while this thread also waits for the process to exit.
     */
    private static String releaseInit(ContainerState s, Path fifo) {
        Optional<ProcessHandle> init = ProcessHandle.of(s.pid())
                .filter(h -> ProcStat.isAlive(s.pid(), s.pidStartTime()));
        if (init.isEmpty()) {
            return "";
        }
        CompletableFuture<byte[]> output = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            // read() until EOF: readAllBytes() would seek, which a fifo refuses.
            try (FileInputStream in = new FileInputStream(fifo.toFile())) {
                java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                byte[] buf = new byte[4096];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    got.write(buf, 0, n);
                }
                output.complete(got.toByteArray());
            } catch (IOException e) {
                output.complete(("Ecannot read the exec fifo " + fifo + ": " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
        }, "ocirun-exec-fifo");
        reader.setDaemon(true);
        reader.start();
        CompletableFuture.anyOf(output, init.get().onExit()).join();
        try {
            // If the init exited after opening its end, its output is complete already or moments away.
            return new String(output.get(output.isDone() ? 0 : 2, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (TimeoutException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException e) {
            throw new IllegalStateException(e); // the reader completes normally, even on errors
        }
    }
}
