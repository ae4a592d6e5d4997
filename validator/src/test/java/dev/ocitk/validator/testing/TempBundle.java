package dev.ocitk.validator.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Map;

/**
 * A bundle directory for tests: config.json plus a rootfs described by a small spec per path:
 * {@code "file"} (mode 644), {@code "exec"} (mode 755), {@code "dir"}, or {@code "link:<target>"}.
 */
public final class TempBundle {
    private TempBundle() {
    }

    /** Writes config.json and the files into {@code dir} (which exists). */
    public static Path write(Path dir, String configJson, JsonNode files) {
        try {
            Files.writeString(dir.resolve("config.json"), configJson, StandardCharsets.UTF_8);
            if (files != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    create(dir.resolve(e.getKey()), e.getValue().asText());
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void create(Path path, String spec) throws IOException {
        Files.createDirectories(path.getParent());
        if (spec.equals("dir")) {
            Files.createDirectories(path);
        } else if (spec.startsWith("link:")) {
            Files.createSymbolicLink(path, Path.of(spec.substring(5)));
        } else {
            Files.writeString(path, "#!/bin/sh\n");
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    spec.equals("exec") ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }
}
