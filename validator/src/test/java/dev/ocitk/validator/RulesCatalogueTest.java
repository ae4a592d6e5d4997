package dev.ocitk.validator;

import dev.ocitk.validator.internal.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue users look rules up in: RULES.md is generated from the rules themselves and must match them.
 * Regenerate with {@code mvn -pl validator test -Dtest=RulesCatalogueTest -Drules.update=true}.
 */
class RulesCatalogueTest {

    private static final Path RULES_MD = Path.of("RULES.md");

    @Test
    void rulesMdMatchesTheCatalogue() throws IOException {
        String expected = render(OciValidator.rules());
        if (Boolean.getBoolean("rules.update")) {
            Files.writeString(RULES_MD, expected, StandardCharsets.UTF_8);
        }
        assertThat(RULES_MD).as("validator/RULES.md exists; regenerate with -Drules.update=true").exists();
        assertThat(Files.readString(RULES_MD, StandardCharsets.UTF_8))
                .as("validator/RULES.md is out of date: regenerate it with"
                        + " mvn -pl validator test -Dtest=RulesCatalogueTest -Drules.update=true")
                .isEqualTo(expected);
    }

    @Test
    void everyRuleConstantIsListedByItsRuleSet() throws Exception {
        for (Class<?> type : ruleSetClasses()) {
            RuleSet set = (RuleSet) declared(type).newInstance();
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == Rule.class) {
                    f.setAccessible(true);
                    assertThat(set.rules()).as(type.getSimpleName() + "." + f.getName()).contains((Rule) f.get(null));
                }
            }
        }
    }

    @Test
    void ruleIdsAreDottedNamesAndSummariesOneSentence() {
        assertThat(OciValidator.rules()).allSatisfy(r -> {
            assertThat(r.id()).matches("[a-z][a-zA-Z0-9-]*(\\.[a-zA-Z0-9-]+)+");
            assertThat(r.summary()).endsWith(".").doesNotContain("\n");
        });
    }

    private static java.lang.reflect.Constructor<?> declared(Class<?> type) throws NoSuchMethodException {
        java.lang.reflect.Constructor<?> c = type.getDeclaredConstructor();
        c.setAccessible(true);
        return c;
    }

    private static List<Class<?>> ruleSetClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        Path dir = Path.of("src/main/java/dev/ocitk/validator/internal/rules");
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString().replace(".java", "");
                Class<?> c = Class.forName("dev.ocitk.validator.internal.rules." + name);
                if (RuleSet.class.isAssignableFrom(c) && !c.isInterface()) {
                    out.add(c);
                }
            }
        }
        assertThat(out).hasSizeGreaterThan(10);
        return out;
    }

    static String render(List<Rule> rules) {
        Map<String, List<Rule>> groups = new LinkedHashMap<>();
        for (Rule r : rules) {
            groups.computeIfAbsent(r.id().substring(0, r.id().indexOf('.')), k -> new ArrayList<>()).add(r);
        }
        StringBuilder s = new StringBuilder();
        s.append("# oci-validate rules\n\n");
        s.append("<!-- Generated from the rules by RulesCatalogueTest; do not edit by hand. -->\n\n");
        s.append("Every finding names one of these rules. Levels: **error** breaks a MUST of the spec or its schema")
                .append(" (a runtime may refuse the document), **warning** misses a SHOULD or is legal but very likely")
                .append(" not what was meant, **info** is worth knowing. The spec section is the one of runtime-spec")
                .append(" v1.3.0 the rule comes from. `oci-validate rules` prints the same list.\n\n");
        s.append(rules.size()).append(" rules.\n");
        for (Map.Entry<String, List<Rule>> g : groups.entrySet()) {
            s.append("\n## ").append(g.getKey()).append("\n\n");
            s.append("| Rule | Level | Spec | Expects |\n|---|---|---|---|\n");
            for (Rule r : g.getValue()) {
                s.append("| `").append(r.id()).append("` | ").append(r.level().name().toLowerCase(java.util.Locale.ROOT))
                        .append(" | [").append(r.specRef()).append("](").append(r.helpUri()).append(") | ")
                        .append(r.summary().replace("|", "\\|")).append(" |\n");
            }
        }
        return s.toString();
    }
}
