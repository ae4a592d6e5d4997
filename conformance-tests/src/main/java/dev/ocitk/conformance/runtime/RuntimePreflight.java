package dev.ocitk.conformance.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Checks before any test runs that the runtime binary exists, is executable and answers {@code --version}. The
 * suite session runs it first (the Maven build also checks the binary before failsafe starts); as a program it
 * prints one line and exits 2 on failure, for scripts.
 */
public final class RuntimePreflight {

    private RuntimePreflight() {
    }

    public static void main(String[] args) {
        String runtime = args.length > 0 ? args[0] : RuntimeSettings.DEFAULT_RUNTIME;
        Optional<String> problem = check(Path.of(runtime));
        if (problem.isPresent()) {
            System.err.println("ocitk conformance: " + problem.get());
            System.exit(2);
        }
    }

    /** A one-line description of why {@code binary} cannot be used as the runtime under test, or empty. */
    public static Optional<String> check(Path binary) {
        String hint = " (choose the runtime with -Druntime=PATH)";
        if (!Files.exists(binary)) {
            return Optional.of("runtime binary " + binary + " does not exist" + hint);
        }
        if (!Files.isRegularFile(binary)) {
            return Optional.of("runtime binary " + binary + " is not a regular file" + hint);
        }
        if (!Files.isExecutable(binary)) {
            return Optional.of("runtime binary " + binary + " is not executable" + hint);
        }
        Path output = null;
        try {
            // Output goes to a file, not a pipe: a hanging binary cannot block us, and its words explain a failure.
            output = Files.createTempFile("ocitk-preflight", ".out");
            Process p = new ProcessBuilder(binary.toString(), "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("`" + binary + " --version` did not answer within 20 s" + hint);
            }
            if (p.exitValue() != 0) {
                return Optional.of("`" + binary + " --version` exited " + p.exitValue() + firstLine(output) + hint);
            }
        } catch (IOException e) {
            return Optional.of("cannot execute runtime binary " + binary + ": " + e.getMessage() + hint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking " + binary);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temp file left in /tmp is no reason to hide the verdict
                }
            }
        }
        return Optional.empty();
    }

    /** ": <first line the binary printed>", or nothing when it printed nothing readable. */
    private static String firstLine(Path output) {
        try (var lines = Files.lines(output, java.nio.charset.StandardCharsets.UTF_8)) {
            return lines.map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                    .map(l -> ": " + (l.length() > 300 ? l.substring(0, 300) + "..." : l)).orElse("");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }
}
