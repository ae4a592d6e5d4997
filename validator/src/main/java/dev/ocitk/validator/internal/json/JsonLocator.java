package dev.ocitk.validator.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Maps JSON pointers to line and column in the source text, for reports that point into the file.
 *
 * <p>One streaming pass over the text; subtrees that contain no wanted pointer are skipped without being looked
 * at, so locating a handful of findings in a large document stays cheap. A member is located at its name (where an
 * editor should put the cursor), an array element at its first character.
 */
public final class JsonLocator {

    /** 1-based line and column. */
    public record Location(long line, long column) {
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(JsonInput.MAX_DEPTH + 8)
                    .maxStringLength(JsonInput.MAX_BYTES)
                    .build())
            .build();

    private JsonLocator() {
    }

    /**
     * Locates each wanted pointer that resolves in {@code text}; pointers that do not resolve are absent from the
     * result. Text that does not parse yields whatever was located before the parse error.
     */
    public static Map<String, Location> locate(String text, Collection<String> pointers) {
        Set<String> wanted = new HashSet<>(pointers);
        Set<String> prefixes = new HashSet<>();
        for (String p : wanted) {
            String prefix = p;
            while (!prefix.isEmpty()) {
                prefixes.add(prefix);
                prefix = Pointers.parent(prefix);
            }
        }
        Map<String, Location> found = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return found;
            }
            if (wanted.contains("")) {
                found.put("", of(parser.currentTokenLocation()));
            }
            walk(parser, token, "", wanted, prefixes, found);
        } catch (IOException | RuntimeException e) {
            // Best effort: a report on unparsable text already says where the parse failed.
        }
        return found;
    }

    private static void walk(JsonParser parser, JsonToken token, String pointer, Set<String> wanted,
                             Set<String> prefixes, Map<String, Location> found) throws IOException {
        if (token == JsonToken.START_OBJECT) {
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String child = Pointers.child(pointer, parser.currentName());
                JsonLocation nameLocation = parser.currentTokenLocation();
                JsonToken value = parser.nextToken();
                visit(parser, value, child, nameLocation, wanted, prefixes, found);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                String child = Pointers.child(pointer, index++);
                visit(parser, token, child, parser.currentTokenLocation(), wanted, prefixes, found);
            }
        }
    }

    private static void visit(JsonParser parser, JsonToken value, String child, JsonLocation location,
                              Set<String> wanted, Set<String> prefixes, Map<String, Location> found)
            throws IOException {
        if (wanted.contains(child)) {
            found.put(child, of(location));
        }
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            if (prefixes.contains(child)) {
                walk(parser, value, child, wanted, prefixes, found);
            } else {
                parser.skipChildren();
            }
        }
    }

    private static Location of(JsonLocation location) {
        return new Location(location.getLineNr(), location.getColumnNr());
    }
}
