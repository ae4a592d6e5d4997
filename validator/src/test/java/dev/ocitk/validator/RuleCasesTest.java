package dev.ocitk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.validator.testing.Fixtures;
import dev.ocitk.validator.testing.TempBundle;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A good and a bad case for every rule, from {@code rule-cases.json}: each case edits a fixture (config, state,
 * features, or a bundle on disk). A bad case must raise the rule at the pointer it names; a good case, the same
 * place made right, must not raise it anywhere.
 *
 * <p>Format: {@code {"rule", "doc": config|state|features|bundle, "base": fixture name, "good": [edit...],
 * "bad": [edit...]}}; an edit is {@code {"set": {pointer: value}, "remove": [pointer], "files": {path: spec},
 * "at": pointer}} ({@code at} only in bad cases; {@code files} only for bundles, see TempBundle, on top of an
 * executable rootfs/bin/sh).
 */
class RuleCasesTest {

    /** Rules whose cases are Java tests because they are about the input itself, not a document. */
    static final Map<String, String> COVERED_ELSEWHERE = Map.of(
            "input.invalid-json", "InputFindingsTest",
            "input.too-deep", "InputFindingsTest",
            "input.too-large", "InputFindingsTest",
            "input.duplicate-key", "InputFindingsTest",
            "input.unreadable", "InputFindingsTest",
            "bundle.config.missing", "InputFindingsTest",
            "schema.other", "SchemaRulesTest (fallback no keyword of our schemas reaches)");

    private static final OciValidator VALIDATOR = OciValidator.create();

    @TempDir
    Path tmp;

    static List<JsonNode> cases() {
        try (InputStream in = RuleCasesTest.class.getResourceAsStream("/rule-cases.json")) {
            List<JsonNode> out = new ArrayList<>();
            Fixtures.MAPPER.readTree(in).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> goodCases() {
        return expand("good");
    }

    static Stream<Arguments> badCases() {
        return expand("bad");
    }

    private static Stream<Arguments> expand(String kind) {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : cases()) {
            int i = 0;
            for (JsonNode edit : c.get(kind)) {
                String name = c.get("rule").asText() + " " + kind + " #" + (++i) + " on " + c.get("base").asText();
                out.add(Arguments.of(Named.of(name, c), edit));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void badCaseRaisesTheRuleWhereItSays(JsonNode c, JsonNode edit) throws IOException {
        String rule = c.get("rule").asText();
        List<Finding> findings = run(c, edit);
        assertThat(findings)
                .as("findings: %s", findings)
                .anySatisfy(f -> {
                    assertThat(f.ruleId()).isEqualTo(rule);
                    assertThat(f.pointer()).isEqualTo(edit.get("at").asText());
                });
        Rule catalogued = OciValidator.rules().stream().filter(r -> r.id().equals(rule)).findFirst().orElseThrow();
        assertThat(findings).filteredOn(f -> f.ruleId().equals(rule))
                .allSatisfy(f -> {
                    assertThat(f.level()).isEqualTo(catalogued.level());
                    assertThat(f.message()).isNotBlank().doesNotContain("\n");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodCases")
    void goodCaseDoesNotRaiseTheRule(JsonNode c, JsonNode edit) throws IOException {
        String rule = c.get("rule").asText();
        List<Finding> findings = run(c, edit);
        assertThat(findings).as("findings: %s", findings).noneMatch(f -> f.ruleId().equals(rule));
    }

    @Test
    void everyRuleHasAGoodAndABadCase() {
        Set<String> withGood = new TreeSet<>();
        Set<String> withBad = new TreeSet<>();
        for (JsonNode c : cases()) {
            if (!c.get("good").isEmpty()) {
                withGood.add(c.get("rule").asText());
            }
            if (!c.get("bad").isEmpty()) {
                withBad.add(c.get("rule").asText());
            }
        }
        Set<String> all = OciValidator.rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        all.removeAll(COVERED_ELSEWHERE.keySet());
        assertThat(withGood).as("rules with a good case").containsAll(all);
        assertThat(withBad).as("rules with a bad case").containsAll(all);
        assertThat(all).as("cases name only catalogued rules").containsAll(withBad);
    }

    private List<Finding> run(JsonNode c, JsonNode edit) throws IOException {
        ObjectNode doc = Fixtures.edit(Fixtures.load(c.get("base").asText()), edit);
        String text = Fixtures.json(doc);
        return switch (c.get("doc").asText()) {
            case "config" -> VALIDATOR.validateConfig(text).findings();
            case "state" -> VALIDATOR.validateState(text).findings();
            case "features" -> VALIDATOR.validateFeatures(text).findings();
            case "bundle" -> {
                ObjectNode files = Fixtures.MAPPER.createObjectNode().put("rootfs/bin/sh", "exec");
                if (edit.has("files")) {
                    files.setAll((ObjectNode) edit.get("files"));
                }
                yield VALIDATOR.lintBundle(TempBundle.write(tmp, text, files)).findings();
            }
            default -> throw new IllegalArgumentException("unknown doc " + c.get("doc"));
        };
    }
}
