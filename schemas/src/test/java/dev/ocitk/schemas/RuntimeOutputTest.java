package dev.ocitk.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Documents real runtimes produce validate against our schemas: the default configs of {@code runc spec} and
 * {@code crun spec} (rootful and rootless) and {@code runc features}. Skipped, with the reason, where the runtime is
 * not installed.
 */
class RuntimeOutputTest {

    private static final long TIMEOUT_SECONDS = 20;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            runc | spec             | config.json   | CONFIG
            runc | spec --rootless  | config.json   | CONFIG
            crun | spec             | config.json   | CONFIG
            crun | spec --rootless  | config.json   | CONFIG
            runc | features         | -             | FEATURES
            """)
    void runtimeOutputValidates(String runtime, String arguments, String outputFile, OciSchemas.Document document,
                                @TempDir Path dir) throws IOException, InterruptedException {
        Path binary = onPath(runtime);
        assumeTrue(binary != null, () -> runtime + " is not on PATH");
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(arguments.split(" ")));
        Path stdout = dir.resolve("stdout");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(dir.resolve("stderr").toFile()).start();
        try {
            assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assumeTrue(process.exitValue() == 0,
                () -> command + " is not supported here: " + read(dir.resolve("stderr")).strip());
        Path output = outputFile.equals("-") ? stdout : dir.resolve(outputFile);
        JsonNode json = OfflineSchemas.MAPPER.readTree(output.toFile());
        assertThat(OfflineSchemas.validate(document, json)).isEmpty();
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        return Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
