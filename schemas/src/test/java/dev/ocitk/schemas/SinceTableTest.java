package dev.ocitk.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** since.json: its shape, its versions, and that every entry addresses something our schemas describe. */
class SinceTableTest {

    private static final JsonNode SINCE = OfflineSchemas.read(OciSchemas.SINCE_FILE);
    private static final List<String> VERSIONS = StreamSupport.stream(SINCE.path("versions").spliterator(), false)
            .map(JsonNode::asText).toList();

    static List<JsonNode> entries() {
        return StreamSupport.stream(SINCE.path("entries").spliterator(), false).toList();
    }

    static String describe(JsonNode entry) {
        return entry.path("document").asText() + ":" + entry.path("pointer").asText()
                + (entry.has("value") ? "=" + entry.get("value").asText() : "");
    }

    @Test
    void matchesItsOwnSchema() {
        assertThat(sinceSchema().validate(SINCE)).isEmpty();
    }

    @Test
    void ownSchemaRejectsMalformedEntries() {
        ObjectNode broken = SINCE.deepCopy();
        ArrayNode entries = (ArrayNode) broken.get("entries");
        ((ObjectNode) entries.get(0)).remove("since");
        ((ObjectNode) entries.get(1)).put("document", "bundle");
        ((ObjectNode) entries.get(2)).put("pointer", "process/args");
        ((ObjectNode) entries.get(3)).put("since", "1.1");
        assertThat(sinceSchema().validate(broken)).extracting(m -> m.getInstanceLocation().toString())
                .contains("/entries/0", "/entries/1/document", "/entries/2/pointer", "/entries/3/since");
    }

    @Test
    void versionsAreTheReleasesFromBaselineToThisSpec() {
        assertThat(VERSIONS).first().isEqualTo(SINCE.path("baseline").asText());
        assertThat(VERSIONS).last().isEqualTo(OciSchemas.SPEC_VERSION);
        assertThat(VERSIONS).containsExactly("1.0.0", "1.0.1", "1.0.2", "1.1.0", "1.2.0", "1.2.1", "1.3.0");
    }

    @Test
    void entriesAreUnique() {
        assertThat(entries()).extracting(SinceTableTest::describe).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("entries")
    void entryIsNewerThanTheBaselineAndRemovedOnlyLater(JsonNode entry) {
        int since = VERSIONS.indexOf(entry.path("since").asText());
        assertThat(since).as("since of %s", describe(entry)).isGreaterThan(0);
        if (entry.has("removedIn")) {
            assertThat(VERSIONS.indexOf(entry.get("removedIn").asText())).as("removedIn of %s", describe(entry))
                    .isGreaterThan(since);
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("entries")
    void entryAddressesWhatTheSchemaDescribes(JsonNode entry) {
        String pointer = entry.path("pointer").asText();
        Map<String, List<JsonNode>> paths = SchemaPaths.of(document(entry).id());
        if (entry.has("removedIn")) {
            // A removed field is no longer described by name (it stays legal as an unknown property).
            assertThat(paths).as("schema paths of %s", describe(entry)).doesNotContainKey(pointer);
            return;
        }
        if (pointer.isEmpty()) {
            return; // the whole document
        }
        List<JsonNode> nodes = new ArrayList<>();
        paths.forEach((pattern, described) -> {
            if (SchemaPaths.matches(pattern, pointer)) {
                nodes.addAll(described);
            }
        });
        assertThat(nodes).as("schema nodes at %s", describe(entry)).isNotEmpty();
        if (entry.has("value")) {
            List<JsonNode> enums = nodes.stream().filter(n -> n.has("enum")).map(n -> n.get("enum")).toList();
            for (JsonNode values : enums) {
                assertThat(values).as("enum at %s", describe(entry)).contains(entry.get("value"));
            }
        }
    }

    @Test
    void valueEntriesOnEnumeratedLocationsAreCheckedAgainstTheEnum() {
        // Guards the test above: the seccomp action location does carry an enum, so a typo there would be caught.
        List<JsonNode> nodes = SchemaPaths.of(OciSchemas.Document.CONFIG.id()).get("/linux/seccomp/syscalls/*/action");
        assertThat(nodes).anyMatch(n -> n.has("enum"));
    }

    private static OciSchemas.Document document(JsonNode entry) {
        return switch (entry.path("document").asText()) {
            case "config" -> OciSchemas.Document.CONFIG;
            case "state" -> OciSchemas.Document.STATE;
            case "features" -> OciSchemas.Document.FEATURES;
            case "containerProcessState" -> OciSchemas.Document.CONTAINER_PROCESS_STATE;
            default -> throw new IllegalArgumentException("unknown document in " + entry);
        };
    }

    private static JsonSchema sinceSchema() {
        return OfflineSchemas.compile(OciSchemas.BASE_ID + OciSchemas.SINCE_SCHEMA_FILE);
    }
}
