package dev.ocitk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocitk.schemas.OciSchemas;
import dev.ocitk.validator.internal.rules.SchemaRules;
import dev.ocitk.validator.internal.schema.SpecSections;
import dev.ocitk.validator.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaRulesTest {

    /** JSON Schema 2020-12 keywords that produce error messages of their own in networknt. */
    private static final Set<String> REPORTING_KEYWORDS = Set.of("type", "required", "enum", "const", "pattern",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems",
            "maxItems", "uniqueItems", "minProperties", "maxProperties", "dependentRequired", "multipleOf",
            "contains", "anyOf", "oneOf", "not", "propertyNames", "unevaluatedProperties", "unevaluatedItems");

    @Test
    void everyKeywordOurSchemasReportWithHasItsOwnRule() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String file : OciSchemas.files()) {
            if (file.endsWith(".json") && !file.startsWith("since")) {
                try (InputStream in = OciSchemas.open(file)) {
                    collect(Fixtures.MAPPER.readTree(in), used);
                }
            }
        }
        // minLength appears only inside propertyNames, which reports as propertyNames.
        used.remove("minLength");
        assertThat(used).isNotEmpty().allSatisfy(k ->
                assertThat(SchemaRules.forKeyword(k)).as(k).isNotEqualTo(SchemaRules.OTHER));
    }

    private static void collect(JsonNode node, Set<String> used) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                // Names under "properties" are field names, not keywords.
                if (!e.getKey().equals("properties") && !e.getKey().equals("$defs")
                        && REPORTING_KEYWORDS.contains(e.getKey())) {
                    used.add(e.getKey());
                }
                if (e.getKey().equals("properties") || e.getKey().equals("$defs")) {
                    e.getValue().forEach(v -> collect(v, used));
                } else {
                    collect(e.getValue(), used);
                }
            });
        } else if (node.isArray()) {
            node.forEach(v -> collect(v, used));
        }
    }

    @Test
    void everySpecReferenceIsAHeadingOfTheSpec() throws IOException {
        Set<String> anchors = new TreeSet<>();
        try (InputStream in = SchemaRulesTest.class.getResourceAsStream("/spec-anchors.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(anchors::add);
        }
        Set<String> used = new TreeSet<>(SpecSections.allSpecRefs());
        OciValidator.rules().forEach(r -> used.add(r.specRef()));
        assertThat(anchors).containsAll(used);
    }
}
