package dev.ocitk.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Objects;

/**
 * Locates the JSON Schemas (draft 2020-12) this project wrote from the OCI Runtime Specification.
 *
 * <p>Every schema file is a classpath resource under {@link #RESOURCE_DIR} and declares
 * {@code $id = BASE_ID + fileName}; schemas reference each other by those IDs, so a validator maps the
 * {@link #BASE_ID} prefix to {@link #RESOURCE_DIR} and never touches the network.
 */
public final class OciSchemas {

    /** The spec version the schemas describe. */
    public static final String SPEC_VERSION = "1.3.0";

    /** Prefix of every schema's {@code $id}. */
    public static final String BASE_ID = "https://ocitk.dev/schemas/runtime-spec/v" + SPEC_VERSION + "/";

    /** Classpath directory (no leading slash) holding the schema files. */
    public static final String RESOURCE_DIR = "dev/ocitk/schemas/v" + SPEC_VERSION + "/";

    /**
     * The data table (not a schema) mapping JSON-pointer patterns to the spec version that introduced each
     * field or value; its shape is described by {@link #SINCE_SCHEMA_FILE}.
     */
    public static final String SINCE_FILE = "since.json";

    /** The JSON Schema describing {@link #SINCE_FILE}; it is not part of the OCI documents. */
    public static final String SINCE_SCHEMA_FILE = "since-schema.json";

    /** The top-level documents of the spec, each with its own schema file. */
    public enum Document {
        /** {@code config.json} of a bundle (config.md and the platform documents). */
        CONFIG("config-schema.json"),
        /** The container state (runtime.md#state). */
        STATE("state-schema.json"),
        /** The Features structure (features.md, features-linux.md). */
        FEATURES("features-schema.json"),
        /** The seccomp-notify payload sent over {@code listenerPath} (config-linux.md#the-container-process-state). */
        CONTAINER_PROCESS_STATE("container-process-state-schema.json");

        private final String fileName;

        Document(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }

        /** The schema's {@code $id}. */
        public String id() {
            return BASE_ID + fileName;
        }
    }

    private OciSchemas() {
    }

    /** Every schema file name in {@link #RESOURCE_DIR}, read from its {@code index.txt}. */
    public static List<String> files() {
        try (InputStream in = open("index.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files in {@link #files()} that are JSON Schemas, i.e. every file except the {@link #SINCE_FILE} data
     * table. Each declares {@code $id = BASE_ID + fileName}.
     */
    public static List<String> schemaFiles() {
        return files().stream().filter(f -> !f.equals(SINCE_FILE)).toList();
    }

    /** The classpath URL of one schema file. */
    public static URL resource(String fileName) {
        URL url = OciSchemas.class.getClassLoader().getResource(RESOURCE_DIR + fileName);
        return Objects.requireNonNull(url, () -> "no schema resource " + RESOURCE_DIR + fileName);
    }

    /** Opens one schema file; the caller closes the stream. */
    public static InputStream open(String fileName) throws IOException {
        return resource(fileName).openStream();
    }
}
