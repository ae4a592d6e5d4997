package dev.ocitk.conformance.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command under a deadline with its streams on files (see {@link Stdio} for why not pipes).
 * On timeout the command and every descendant it left are killed: all of them are processes this harness started.
 */
public final class CommandRunner {

    private static final File DEV_NULL = new File("/dev/null");
    private static final int READ_LIMIT = 1 << 20;

    private final Path scratchDir;

    /** @param scratchDir where capture files are made (and removed after reading) */
    public CommandRunner(Path scratchDir) {
        this.scratchDir = scratchDir;
    }

    public CommandResult run(List<String> command, Duration timeout, Stdio stdio) {
        Path out = null;
        Path err = null;
        long startNanos = System.nanoTime();
        try {
            Files.createDirectories(scratchDir);
            out = stdio.stdout().orElse(null);
            err = stdio.stderr().orElse(null);
            boolean ownOut = out == null;
            boolean ownErr = err == null;
            if (ownOut) out = Files.createTempFile(scratchDir, "out-", ".txt");
            if (ownErr) err = Files.createTempFile(scratchDir, "err-", ".txt");
            long outStart = sizeOf(out);
            long errStart = sizeOf(err);
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectInput(stdio.stdin().map(Path::toFile).map(ProcessBuilder.Redirect::from)
                            .orElse(ProcessBuilder.Redirect.from(DEV_NULL)))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                return new CommandResult(command, 127, "", "cannot execute: " + e.getMessage(), since(startNanos), false);
            }
            boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            Duration elapsed = since(startNanos);
            CommandResult result = new CommandResult(command, done ? process.exitValue() : -1,
                    readFrom(out, outStart), readFrom(err, errStart), elapsed, !done);
            if (ownOut) Files.deleteIfExists(out);
            if (ownErr) Files.deleteIfExists(err);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path p) throws IOException {
        return Files.isRegularFile(p) ? Files.size(p) : 0;
    }

    /** Reads what the command appended to a regular file; fifos and devices were consumed elsewhere. */
    private static String readFrom(Path p, long offset) throws IOException {
        if (!Files.isRegularFile(p)) return "";
        try (var ch = Files.newByteChannel(p)) {
            long size = ch.size();
            if (size <= offset) return "";
            ch.position(offset);
            int len = (int) Math.min(size - offset, READ_LIMIT);
            var buf = java.nio.ByteBuffer.allocate(len);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // keep reading until the snapshot length is filled
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
