package dev.ocitk.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our fixture documents against the schemas: every valid fixture passes, and every invalid variant in
 * {@code fixtures/invalid-cases.json} (a valid fixture plus one edit) fails with the expected keyword at the
 * expected instance pointer.
 */
class FixturesTest {

    /** One invalid variant: a valid fixture, the edits that break it and the error they must cause. */
    record InvalidCase(String name, Fixtures.Valid base, JsonNode edits, String pointer, String keyword, String property) {
        @Override
        public String toString() {
            return name;
        }

        JsonNode document() {
            JsonNode json = base.json();
            for (JsonNode edit : edits) {
                Fixtures.apply(json, edit.path("op").asText(), edit.path("path").asText(), edit.get("value"));
            }
            return json;
        }
    }

    static List<Fixtures.Valid> validFixtures() {
        return Fixtures.allValid();
    }

    static List<InvalidCase> invalidCases() {
        JsonNode cases = OfflineSchemas.readTestResource("fixtures/invalid-cases.json").path("cases");
        return StreamSupport.stream(cases.spliterator(), false).map(c -> {
            String[] base = c.path("base").asText().split("/", 2);
            JsonNode expect = c.path("expect");
            return new InvalidCase(c.path("name").asText(), new Fixtures.Valid(Fixtures.document(base[0]), base[1]),
                    c.path("edits"), expect.path("pointer").asText(), expect.path("keyword").asText(),
                    expect.hasNonNull("property") ? expect.get("property").asText() : null);
        }).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFixtures")
    void validFixturePasses(Fixtures.Valid fixture) {
        Set<ValidationMessage> errors = OfflineSchemas.validate(fixture.document(), fixture.json());
        assertThat(errors).extracting(FixturesTest::describe).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void invalidVariantIsRejectedAtTheExpectedPointer(InvalidCase invalid) {
        Set<ValidationMessage> errors = OfflineSchemas.validate(invalid.base().document(), invalid.document());
        assertThat(errors).extracting(FixturesTest::describe)
                .as("errors of %s", invalid)
                .contains(expected(invalid));
    }

    @Test
    void everyDocumentKindHasValidFixturesAndInvalidCases() {
        for (OciSchemas.Document document : OciSchemas.Document.values()) {
            assertThat(Fixtures.valid(document)).as("valid fixtures of %s", document).isNotEmpty();
            assertThat(invalidCases()).as("invalid cases of %s", document)
                    .anyMatch(c -> c.base().document() == document);
        }
    }

    @Test
    void everyValidFixtureIsTheBaseOfAnInvalidCase() {
        Set<String> bases = invalidCases().stream().map(c -> c.base().toString()).collect(Collectors.toSet());
        assertThat(validFixtures()).extracting(Fixtures.Valid::toString).allMatch(bases::contains);
    }

    @Test
    void invalidCaseNamesAreUnique() {
        assertThat(invalidCases()).extracting(InvalidCase::name).doesNotHaveDuplicates();
    }

    /** "keyword at pointer" plus "(property)" for keywords that name one, e.g. required. */
    private static String describe(ValidationMessage m) {
        String property = m.getProperty() != null && m.getType().equals("required") ? " (" + m.getProperty() + ")" : "";
        return m.getType() + " at '" + m.getInstanceLocation() + "'" + property;
    }

    private static String expected(InvalidCase c) {
        return c.keyword() + " at '" + c.pointer() + "'" + (c.property() != null ? " (" + c.property() + ")" : "");
    }
}
