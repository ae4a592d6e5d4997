package dev.ocitk.conformance.mounts;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Commands run in the runtime's mount namespace: the host's, or the private one a wrapper runs the runtime in
 * ({@code runtime.mountNamespace}, e.g. runtimes/crun-hybrid), entered with {@code nsenter}. Mount propagation
 * between "the host" and a container is propagation between that namespace and the container's, so tests that
 * mount something "on the host side" do it here, and read the mount table the runtime sees from here.
 */
public final class RuntimeSide {

    private static final long TIMEOUT_SECONDS = 10;

    private RuntimeSide() {
    }

    /** The wrapper's mount namespace file, empty when the runtime runs in the host's. */
    public static Optional<Path> namespaceFile() {
        String ns = System.getProperty("runtime.mountNamespace", "").trim();
        return ns.isEmpty() ? Optional.empty() : Optional.of(Path.of(ns));
    }

    /** Runs {@code command} in the runtime's mount namespace; returns its stdout, throws with stderr on failure. */
    public static String run(String... command) {
        List<String> cmd = new ArrayList<>();
        namespaceFile().ifPresent(ns -> cmd.addAll(List.of("nsenter", "--mount=" + ns, "--")));
        cmd.addAll(List.of(command));
        return exec(cmd);
    }

    /** Runs {@code command} in the test JVM's (the host's) mount namespace, whatever the runtime's is. */
    public static String runOnHost(String... command) {
        return exec(List.of(command));
    }

    private static String exec(List<String> cmd) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("ocitk-runtime-side", ".out");
            err = Files.createTempFile("ocitk-runtime-side", ".err");
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("`" + String.join(" ", cmd) + "` did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("`" + String.join(" ", cmd) + "` exited " + p.exitValue() + ": "
                        + Files.readString(err).strip());
            }
            return Files.readString(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp file left in java.io.tmpdir is harmless
        }
    }

    /** The mount table of the runtime's mount namespace. */
    public static String mountinfo() {
        return run("cat", "/proc/self/mountinfo");
    }
}
