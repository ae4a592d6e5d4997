package dev.ocitk.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code session.json} in the report directory: what the suite session learned about the runtime (name, version,
 * spec version and its source, baseline, validator status). Written by the session, read by the results listener.
 */
public final class SessionFile {

    public static final String NAME = "session.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SessionFile() {
    }

    public static void write(Path reportDir, JsonNode session) {
        try {
            Files.createDirectories(reportDir);
            Path tmp = Files.createTempFile(reportDir, NAME, ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(session));
            Files.move(tmp, reportDir.resolve(NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("ocitk conformance: cannot write " + reportDir.resolve(NAME) + ": " + e.getMessage());
        }
    }

    public static Optional<JsonNode> read(Path reportDir) {
        Path file = reportDir.resolve(NAME);
        try {
            return Files.exists(file) ? Optional.of(JSON.readTree(file.toFile())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static void delete(Path reportDir) {
        try {
            Files.deleteIfExists(reportDir.resolve(NAME));
        } catch (IOException ignored) {
            // a stale file is overwritten when the session starts
        }
    }
}
