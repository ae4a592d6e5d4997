package dev.ocitk.conformance.lifecycle;

import dev.ocitk.conformance.ConformanceTest;
import org.junit.jupiter.api.Tag;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.runtime.Stdio;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.ocitk.conformance.RuntimeAssertions.assertSucceeded;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container process's stdio when the runtime runs detached: what the caller passes as the runtime's stdout and
 * stderr reaches the program (runc CLI dialect; runtime-linux.md#file-descriptors keeps fds 0-2 open).
 */
@Tag("lifecycle")
class StdioIT {

    private static String program(String token) {
        return "echo out-" + token + "; echo err-" + token + " >&2";
    }

    @ConformanceTest
    @Requirement("runtime.stdio.passed-through")
    void programWritesToTheCallersStdoutAndStderrFiles(RuntimeUnderTest runtime) {
        String token = runtime.newId();
        Bundle bundle = runtime.bundle().args(sh(program(token))).build();
        Container container = runtime.create(bundle);

        container.start();
        container.awaitStatus("stopped");

        assertThat(bundle.stdout()).as("caller's stdout file").contains("out-" + token).doesNotContain("err-" + token);
        assertThat(bundle.stderr()).as("caller's stderr file").contains("err-" + token).doesNotContain("out-" + token);
    }

    /** containerd-shim hands the runtime named fifos as stdout and stderr; the program's output must come out of them. */
    @ConformanceTest
    @Requirement("runtime.stdio.passed-through")
    void programWritesToTheCallersStdoutAndStderrFifos(RuntimeUnderTest runtime) throws Exception {
        String token = runtime.newId();
        Bundle bundle = runtime.bundle().args(sh(program(token))).build();
        Path out = mkfifo(runtime.scratchDir().resolve("stdout.fifo"));
        Path err = mkfifo(runtime.scratchDir().resolve("stderr.fifo"));
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            // Readers first: opening a fifo for writing blocks until it has a reader.
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(out), readers);
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(err), readers);

            assertSucceeded(runtime.tryCreate(bundle.containerId(), bundle, Stdio.toFiles(out, err)), "create with fifo stdio");
            Container container = runtime.container(bundle.containerId(), bundle);
            container.start();
            container.awaitStatus("stopped");

            // EOF arrives once every writer (runtime and program) has closed its end.
            assertThat(stdout.get(10, TimeUnit.SECONDS)).as("read from the stdout fifo").contains("out-" + token)
                    .doesNotContain("err-" + token);
            assertThat(stderr.get(10, TimeUnit.SECONDS)).as("read from the stderr fifo").contains("err-" + token)
                    .doesNotContain("out-" + token);
        } finally {
            unblock(out);
            unblock(err);
            readers.shutdownNow();
            readers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", "-m", "0600", path.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException("mkfifo " + path + " failed: " + output);
        return path;
    }

    private static String readAll(Path fifo) {
        try (InputStream in = Files.newInputStream(fifo)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("reading " + fifo + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens and closes the fifo read-write (which never blocks on Linux), so a reader still blocked in open()
     * because the create never happened returns and sees EOF.
     */
    private static void unblock(Path fifo) {
        try (RandomAccessFile ignored = new RandomAccessFile(fifo.toFile(), "rw")) {
            // opening is enough
        } catch (IOException ignored) {
            // the fifo is gone: nothing to unblock
        }
    }
}
