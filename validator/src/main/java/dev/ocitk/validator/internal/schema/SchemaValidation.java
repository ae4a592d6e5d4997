package dev.ocitk.validator.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.ClasspathSchemaLoader;
import dev.ocitk.schemas.OciSchemas;
import dev.ocitk.validator.Finding;
import dev.ocitk.validator.Rule;
import dev.ocitk.validator.internal.DocumentKind;
import dev.ocitk.validator.internal.rules.SchemaRules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates documents against the project's JSON Schemas (draft 2020-12) with networknt json-schema-validator.
 *
 * <p>Schemas are read from the classpath only: their {@code $id} prefix maps to the schemas module's resources and
 * any other remote reference is refused, so validation never touches the network. Each document's schema is
 * compiled once, on first use, and shared: networknt schemas are thread-safe once their validators are initialised.
 */
public final class SchemaValidation {

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ENGLISH)
            .build();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder
                    .schemaMappers(m -> m.mapPrefix(OciSchemas.BASE_ID, "classpath:" + OciSchemas.RESOURCE_DIR))
                    .schemaLoaders(l -> l
                            .add(new ClasspathSchemaLoader(OciSchemas.class::getClassLoader))
                            .add(iri -> iri.toString().startsWith("classpath:") ? null : () -> {
                                throw new IOException("refusing to fetch " + iri + ": the validator works offline");
                            })));

    private static final Map<DocumentKind, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private SchemaValidation() {
    }

    /** The compiled schema for a document kind, compiled on first use (lock-free afterwards). */
    static JsonSchema schema(DocumentKind kind) {
        return COMPILED.computeIfAbsent(kind, k -> {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(k.schema().id()), CONFIG);
            schema.initializeValidators();
            return schema;
        });
    }

    /** Compiles every schema now (for a long-running process that wants no first-call latency). */
    public static void warmUp() {
        for (DocumentKind kind : DocumentKind.values()) {
            schema(kind);
        }
    }

    /**
     * Schema findings for {@code document}, one per schema message, except that the failed branches of one
     * {@code anyOf} become a single {@code schema.anyOf} finding listing the alternatives (networknt reports only the
     * branches, which read as if every alternative were required).
     */
    public static List<Finding> validate(DocumentKind kind, JsonNode document) {
        Set<ValidationMessage> messages = schema(kind).validate(document);
        List<Finding> findings = new ArrayList<>(messages.size());
        Map<String, List<String>> alternatives = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            String pointer = m.getInstanceLocation().toString();
            String evaluation = m.getEvaluationPath().toString();
            int anyOf = evaluation.lastIndexOf("/anyOf/");
            if (anyOf >= 0) {
                alternatives.computeIfAbsent(pointer + "\u0000" + evaluation.substring(0, anyOf), k -> new ArrayList<>())
                        .add(describe(m));
                continue;
            }
            Rule rule = SchemaRules.forKeyword(m.getType());
            findings.add(new Finding(rule.id(), rule.level(), pointer, describe(m), SpecSections.forPointer(kind, pointer)));
        }
        Rule anyOfRule = SchemaRules.forKeyword("anyOf");
        alternatives.forEach((key, texts) -> {
            String pointer = key.substring(0, key.indexOf('\u0000'));
            findings.add(new Finding(anyOfRule.id(), anyOfRule.level(), pointer,
                    "matches none of the allowed alternatives: " + String.join(", or ", texts),
                    SpecSections.forPointer(kind, pointer)));
        });
        return findings;
    }

    /** The message without networknt's location prefix (the finding carries the pointer). */
    private static String describe(ValidationMessage m) {
        String text = String.valueOf(m.getMessage());
        String prefix = m.getInstanceLocation() + ": ";
        if (text.startsWith(prefix)) {
            text = text.substring(prefix.length());
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }
}
