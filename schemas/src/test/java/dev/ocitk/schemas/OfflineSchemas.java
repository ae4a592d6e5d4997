package dev.ocitk.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test access to the schemas the way a consumer uses them: {@link OciSchemas#BASE_ID} mapped to the classpath,
 * and any attempt to load a schema over the network is a failure, so a test that passes proves the schemas
 * resolve offline.
 */
final class OfflineSchemas {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The 2020-12 meta-schema; networknt maps it to a copy inside its own jar. */
    static final String META_SCHEMA_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder
                    .schemaMappers(mappers -> mappers.mapPrefix(OciSchemas.BASE_ID, "classpath:" + OciSchemas.RESOURCE_DIR))
                    .schemaLoaders(loaders -> loaders.add(iri -> {
                        String scheme = iri.getScheme();
                        if ("http".equals(scheme) || "https".equals(scheme)) {
                            throw new AssertionError("schema loading tried the network for " + iri);
                        }
                        return null; // not ours: let the classpath loader answer
                    })));

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .preloadJsonSchema(true)
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();

    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private OfflineSchemas() {
    }

    /** Compiles (once) the schema whose {@code $id} is {@code id}, resolving every reference eagerly. */
    static JsonSchema compile(String id) {
        return COMPILED.computeIfAbsent(id, key -> {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(key), CONFIG);
            schema.initializeValidators();
            return schema;
        });
    }

    static JsonSchema compile(OciSchemas.Document document) {
        return compile(document.id());
    }

    /** Compiles a schema given inline (used by self-tests of the checks). */
    static JsonSchema compileInline(JsonNode schema) {
        JsonSchema compiled = FACTORY.getSchema(schema, CONFIG);
        compiled.initializeValidators();
        return compiled;
    }

    static Set<ValidationMessage> validate(OciSchemas.Document document, JsonNode instance) {
        return compile(document).validate(instance);
    }

    /** The parsed text of one file in {@link OciSchemas#RESOURCE_DIR}. */
    static JsonNode read(String fileName) {
        try (InputStream in = OciSchemas.open(fileName)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parsed text of a test resource, e.g. {@code fixtures/config/minimal.json}. */
    static JsonNode readTestResource(String path) {
        try (InputStream in = OfflineSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
