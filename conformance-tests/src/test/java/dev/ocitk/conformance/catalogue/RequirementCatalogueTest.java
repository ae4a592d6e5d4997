package dev.ocitk.conformance.catalogue;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequirementCatalogueTest {

    private static final String GOOD = """
            area: demo
            requirements:
              - id: demo.thing.works
                level: MUST
                spec: runtime.md#query-state
                since: 1.0.0
                summary: The thing works.
              - id: demo.thing.nice
                level: SHOULD
                spec: config.md#posix-platform-hooks
                since: 1.0.2
                summary: The thing is nice.
                ambiguous: true
            """;

    @Test
    void parsesEntriesWithAllFields() {
        RequirementCatalogue catalogue = RequirementCatalogue.parse(Map.of("demo.yaml", GOOD));

        CatalogueEntry nice = catalogue.require("demo.thing.nice", "a test");
        assertThat(nice.level()).isEqualTo(RequirementLevel.SHOULD);
        assertThat(nice.since()).isEqualTo(SpecVersion.parse("1.0.2"));
        assertThat(nice.ambiguous()).isTrue();
        assertThat(nice.specFile()).isEqualTo("config.md");
        assertThat(nice.anchor()).isEqualTo("posix-platform-hooks");
        assertThat(nice.specUrl()).endsWith("/v1.3.0/config.md#posix-platform-hooks");
        assertThat(catalogue.find("demo.thing.works").orElseThrow().ambiguous()).isFalse();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String bad = """
                area: demo
                requirements:
                  - id: other.prefix
                    level: MUST
                    spec: runtime.md#x
                    since: 1.0.0
                    summary: wrong area prefix
                  - id: demo.bad.fields
                    level: MUSTNT
                    spec: runtime.md
                    since: 1.0
                    summary: ""
                    extra: 1
                """;

        assertThatThrownBy(() -> RequirementCatalogue.parse(Map.of("demo.yaml", bad)))
                .isInstanceOf(CatalogueException.class)
                .satisfies(e -> assertThat(((CatalogueException) e).problems()).hasSize(6))
                .hasMessageContaining("id 'other.prefix' must look like 'demo.<subject>.<rule>'")
                .hasMessageContaining("level must be MUST, SHOULD or MAY")
                .hasMessageContaining("spec must be '<file>.md#<github-anchor>'")
                .hasMessageContaining("since: not a SemVer version")
                .hasMessageContaining("summary is missing")
                .hasMessageContaining("unknown key 'extra'");
    }

    @Test
    void fileNameMustMatchArea() {
        assertThatThrownBy(() -> RequirementCatalogue.parse(Map.of("hooks.yaml", GOOD)))
                .hasMessageContaining("'area' must be 'hooks'");
    }

    @Test
    void rejectsAnIdDefinedTwice() {
        String twice = GOOD.replace("demo.thing.nice", "demo.thing.works");

        assertThatThrownBy(() -> RequirementCatalogue.parse(Map.of("demo.yaml", twice)))
                .hasMessageContaining("demo.thing.works is already defined in demo.yaml");
    }

    @Test
    void unknownIdNamesTheFileToAddItTo() {
        RequirementCatalogue catalogue = RequirementCatalogue.parse(Map.of("demo.yaml", GOOD));

        assertThatThrownBy(() -> catalogue.require("hooks.prestart.order", "hooks.HooksIT#order"))
                .isInstanceOf(CatalogueException.class)
                .hasMessage("unknown requirement id 'hooks.prestart.order' used by hooks.HooksIT#order: add it to "
                        + "src/main/resources/requirements/hooks.yaml");
    }

    @Test
    void loadsTheShippedCatalogueFromTheClassPath() {
        RequirementCatalogue catalogue = RequirementCatalogue.load(getClass().getClassLoader());

        assertThat(catalogue.find("runtime.delete.removes-resources")).isPresent();
        assertThat(catalogue.entries()).allSatisfy(e -> assertThat(e.id()).startsWith(e.area() + "."));
    }
}
