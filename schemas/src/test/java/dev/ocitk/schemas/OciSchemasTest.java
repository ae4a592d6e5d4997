package dev.ocitk.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The locator's contract as the validator and the conformance harness use it. */
class OciSchemasTest {

    @Test
    void documentIdsAreTheBaseIdPlusTheFileName() {
        assertThat(OciSchemas.Document.CONFIG.id())
                .isEqualTo("https://ocitk.dev/schemas/runtime-spec/v1.3.0/config-schema.json");
        assertThat(OciSchemas.Document.STATE.fileName()).isEqualTo("state-schema.json");
        assertThat(OciSchemas.RESOURCE_DIR).isEqualTo("dev/ocitk/schemas/v1.3.0/");
    }

    @Test
    void schemaFilesAreTheIndexWithoutTheDataTable() {
        assertThat(OciSchemas.schemaFiles())
                .doesNotContain(OciSchemas.SINCE_FILE)
                .contains(OciSchemas.SINCE_SCHEMA_FILE, "defs.json", "defs-linux.json", "config-linux.json")
                .hasSize(OciSchemas.files().size() - 1);
    }

    @Test
    void indexCommentsAndBlankLinesAreNotFiles() {
        assertThat(OciSchemas.files()).allMatch(f -> f.endsWith(".json"));
    }

    @Test
    void aMissingResourceIsNamedInTheError() {
        assertThatThrownBy(() -> OciSchemas.resource("no-such.json"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dev/ocitk/schemas/v1.3.0/no-such.json");
    }
}
