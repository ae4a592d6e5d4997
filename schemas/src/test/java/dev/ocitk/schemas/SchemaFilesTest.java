package dev.ocitk.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The files themselves: listed, well-formed 2020-12 schemas with the agreed {@code $id}s and offline references. */
class SchemaFilesTest {

    static List<String> schemaFiles() {
        return OciSchemas.schemaFiles();
    }

    @Test
    void indexListsExactlyTheFilesPresent() throws IOException, URISyntaxException {
        Path dir = Path.of(OciSchemas.resource("index.txt").toURI()).getParent();
        List<String> present;
        try (Stream<Path> listing = Files.list(dir)) {
            present = listing.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.txt")).toList();
        }
        List<String> listed = OciSchemas.files();
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
        assertThat(listed).contains(OciSchemas.SINCE_FILE, OciSchemas.SINCE_SCHEMA_FILE);
        for (OciSchemas.Document document : OciSchemas.Document.values()) {
            assertThat(listed).contains(document.fileName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void declaresDraft202012AndTheAgreedId(String file) {
        JsonNode schema = OfflineSchemas.read(file);
        assertThat(schema.path("$schema").asText()).isEqualTo(OfflineSchemas.META_SCHEMA_2020_12);
        assertThat(schema.path("$id").asText()).isEqualTo(OciSchemas.BASE_ID + file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void isValidAgainstTheDraft202012MetaSchema(String file) {
        Set<ValidationMessage> errors = metaSchema().validate(OfflineSchemas.read(file));
        assertThat(errors).isEmpty();
    }

    @Test
    void metaSchemaCheckRejectsAMalformedSchema() {
        JsonNode broken = OfflineSchemas.MAPPER.createObjectNode()
                .put("$schema", OfflineSchemas.META_SCHEMA_2020_12)
                .put("type", 5);
        assertThat(metaSchema().validate(broken)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void everyRefResolvesWithinTheSchemaSet(String file) {
        List<String> dangling = RefCheck.danglingRefs(OfflineSchemas.read(file), OciSchemas.BASE_ID + file,
                OfflineSchemas::read, OciSchemas.files());
        assertThat(dangling).isEmpty();
    }

    @Test
    void refCheckReportsEveryKindOfDanglingRef() throws IOException {
        JsonNode schema = OfflineSchemas.MAPPER.readTree("""
                {"properties": {
                  "a": {"$ref": "#/$defs/missing"},
                  "b": {"$ref": "https://example.com/other.json"},
                  "c": {"$ref": "not-listed.json"},
                  "d": {"$ref": "defs.json#/$defs/uint32"},
                  "e": {"$ref": "defs.json#anchor"}
                }}""");
        List<String> dangling = RefCheck.danglingRefs(schema, OciSchemas.BASE_ID + "test.json",
                f -> f.equals("test.json") ? schema : OfflineSchemas.read(f),
                Stream.concat(OciSchemas.files().stream(), Stream.of("test.json")).toList());
        assertThat(dangling).hasSize(4)
                .anySatisfy(m -> assertThat(m).startsWith("/properties/a:").contains("does not exist"))
                .anySatisfy(m -> assertThat(m).startsWith("/properties/b:").contains("leaves the schema set"))
                .anySatisfy(m -> assertThat(m).startsWith("/properties/c:").contains("index.txt does not list"))
                .anySatisfy(m -> assertThat(m).startsWith("/properties/e:").contains("not a JSON pointer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void compilesOfflineWithEveryReferenceLoaded(String file) {
        // OfflineSchemas fails on any http(s) load, and preloading resolves every $ref now rather than lazily.
        JsonSchema compiled = OfflineSchemas.compile(OciSchemas.BASE_ID + file);
        assertThat(compiled.getSchemaLocation().getAbsoluteIri().toString()).isEqualTo(OciSchemas.BASE_ID + file);
    }

    private static JsonSchema metaSchema() {
        return OfflineSchemas.compile(OfflineSchemas.META_SCHEMA_2020_12);
    }
}
