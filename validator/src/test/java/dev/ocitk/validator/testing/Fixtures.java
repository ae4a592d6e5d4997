package dev.ocitk.validator.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.validator.internal.json.Pointers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Test fixtures under src/test/resources/fixtures, and JSON edits on them. */
public final class Fixtures {
    /** Writes deeper documents than Jackson's default allows: tests build hostile nesting on purpose. */
    public static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder()
                    .maxNestingDepth(100_000).build())
            .build());

    private Fixtures() {
    }

    /** A fixture by name, e.g. {@code config/linux} (a fresh copy each call). */
    public static ObjectNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return json(load(name));
    }

    public static String json(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line of JSON (pretty printing deep documents costs quadratic indentation). */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Applies edits: {@code set} maps pointers to values (missing parents become objects; a pointer to one past
     * the end of an array appends); {@code remove} lists pointers to delete.
     */
    public static ObjectNode edit(ObjectNode doc, JsonNode edits) {
        JsonNode remove = edits.get("remove");
        if (remove != null) {
            for (JsonNode p : remove) {
                remove(doc, p.asText());
            }
        }
        JsonNode set = edits.get("set");
        if (set != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                set(doc, e.getKey(), e.getValue().deepCopy());
            }
        }
        return doc;
    }

    public static void set(JsonNode doc, String pointer, JsonNode value) {
        List<String> tokens = Pointers.tokens(pointer);
        JsonNode node = doc;
        for (int i = 0; i < tokens.size() - 1; i++) {
            String t = tokens.get(i);
            JsonNode next = node.isArray() ? node.get(Integer.parseInt(t)) : node.get(t);
            if (next == null && node instanceof ObjectNode o) {
                next = MAPPER.createObjectNode();
                o.set(t, next);
            }
            if (next == null) {
                return; // nowhere to put it (a mutation may have replaced the parent by a scalar)
            }
            node = next;
        }
        String last = tokens.get(tokens.size() - 1);
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            int index = Integer.parseInt(last);
            if (index == array.size()) {
                array.add(value);
            } else {
                array.set(index, value);
            }
        } else if (node instanceof ObjectNode o) {
            o.set(last, value);
        }
    }

    public static void remove(JsonNode doc, String pointer) {
        JsonNode parent = Pointers.resolve(doc, Pointers.parent(pointer));
        List<String> tokens = Pointers.tokens(pointer);
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(last));
        } else {
            throw new IllegalArgumentException("nothing at " + pointer);
        }
    }
}
