package dev.ocitk.validator.internal.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocitk.schemas.OciSchemas;
import dev.ocitk.validator.internal.DocumentKind;
import dev.ocitk.validator.internal.json.Pointers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When each field (or enumerated value) entered the spec, from the schemas module's {@code since.json} (its shape is
 * {@code since-schema.json}): what the "field newer than the declared version" rule compares against.
 */
public final class SinceTable {

    static final String FILE = "since.json";

    /**
     * One row of the table.
     *
     * @param document  which document the pointer addresses
     * @param pattern   pointer tokens; {@code *} matches any array index or map key
     * @param value     when non-null, the row is about this value at the pointer, not the field
     * @param since     first release defining it
     * @param removedIn first release no longer defining it, or null
     */
    public record Entry(DocumentKind document, List<String> pattern, JsonNode value, SemVer since, SemVer removedIn) {
    }

    /** A place in a document where an entry applies. */
    public record Match(Entry entry, String pointer) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile SinceTable instance;

    private final List<Entry> entries;

    SinceTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The table shipped with the schemas, or an empty one when that module has none. */
    public static SinceTable get() {
        SinceTable t = instance;
        if (t == null) {
            synchronized (SinceTable.class) {
                t = instance;
                if (t == null) {
                    t = OciSchemas.files().contains(FILE) ? load() : new SinceTable(List.of());
                    instance = t;
                }
            }
        }
        return t;
    }

    public List<Entry> entries() {
        return entries;
    }

    private static SinceTable load() {
        try (InputStream in = OciSchemas.open(FILE)) {
            return parse(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE + " from the schemas module", e);
        }
    }

    static SinceTable parse(JsonNode table) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : table.path("entries")) {
            DocumentKind kind = switch (e.path("document").asText()) {
                case "config" -> DocumentKind.CONFIG;
                case "state" -> DocumentKind.STATE;
                case "features" -> DocumentKind.FEATURES;
                default -> null; // e.g. the container process state, which the validator does not check
            };
            if (kind == null) {
                continue;
            }
            SemVer since = SemVer.of(e.path("since").asText());
            SemVer removed = e.hasNonNull("removedIn") ? SemVer.of(e.get("removedIn").asText()) : null;
            entries.add(new Entry(kind, Pointers.tokens(e.path("pointer").asText()), e.get("value"), since, removed));
        }
        return new SinceTable(entries);
    }

    /** Every place in {@code document} an entry for {@code kind} applies to. */
    public List<Match> matches(DocumentKind kind, JsonNode document) {
        List<Match> out = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.document == kind) {
                find(entry, document, 0, "", out);
            }
        }
        return out;
    }

    private static void find(Entry entry, JsonNode node, int index, String pointer, List<Match> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (index == entry.pattern.size()) {
            if (entry.value == null || sameValue(entry.value, node)) {
                out.add(new Match(entry, pointer));
            }
            return;
        }
        String token = entry.pattern.get(index);
        if (token.equals("*")) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    find(entry, node.get(i), index + 1, Pointers.child(pointer, i), out);
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> m = it.next();
                    find(entry, m.getValue(), index + 1, Pointers.child(pointer, m.getKey()), out);
                }
            }
        } else if (node.isObject()) {
            find(entry, node.get(token), index + 1, Pointers.child(pointer, token), out);
        }
    }

    private static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isTextual()) {
            return actual.isTextual() && expected.textValue().equals(actual.textValue());
        }
        if (expected.isNumber()) {
            return actual.isNumber() && expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SinceTable[%d entries]", entries.size());
    }
}
