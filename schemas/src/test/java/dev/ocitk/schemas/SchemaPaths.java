package dev.ocitk.schemas;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instance locations a schema describes, as JSON-pointer patterns where {@code *} stands for any array index
 * or map key: {@code properties} add a named segment, {@code items} and {@code additionalProperties} add
 * {@code *}. {@code $ref}s are followed across our files; applicators ({@code allOf}, {@code then}, ...) keep the
 * location. Conditions ({@code if}, {@code not}) describe nothing new and are skipped.
 */
final class SchemaPaths {

    private static final int MAX_DEPTH = 64;

    /** Walks are pure functions of our read-only schema files, so each schema is walked once. */
    private static final Map<String, Map<String, List<JsonNode>>> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, JsonNode> FILES = new ConcurrentHashMap<>();

    private final Map<String, List<JsonNode>> nodesByPattern = new LinkedHashMap<>();

    private SchemaPaths() {
    }

    /** Pattern to the schema nodes that describe it, for the schema whose {@code $id} is {@code id}. */
    static Map<String, List<JsonNode>> of(String id) {
        return CACHE.computeIfAbsent(id, key -> {
            SchemaPaths paths = new SchemaPaths();
            paths.walk(load(key), key, "", 0);
            return java.util.Collections.unmodifiableMap(paths.nodesByPattern);
        });
    }

    /** Whether a concrete pointer (or a pattern) falls on a pattern: same segments, {@code *} matching any one. */
    static boolean matches(String pattern, String pointer) {
        String[] want = pattern.split("/", -1);
        String[] have = pointer.split("/", -1);
        if (want.length != have.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (!want[i].equals("*") && !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }

    /** Every pointer in a document, containers included, root excluded. */
    static List<String> pointers(JsonNode document) {
        List<String> out = new ArrayList<>();
        collect(document, "", out);
        return out;
    }

    private static void collect(JsonNode node, String at, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String child = at + "/" + escape(e.getKey());
                out.add(child);
                collect(e.getValue(), child, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = at + "/" + i;
                out.add(child);
                collect(node.get(i), child, out);
            }
        }
    }

    private void walk(JsonNode schema, String documentId, String at, int depth) {
        if (!schema.isObject()) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("schema nesting deeper than " + MAX_DEPTH + " at " + at);
        }
        if (!at.isEmpty()) {
            nodesByPattern.computeIfAbsent(at, k -> new ArrayList<>()).add(schema);
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            URI target = URI.create(documentId).resolve(ref.asText());
            String targetDocument = target.getScheme() + ":" + target.getRawSchemeSpecificPart();
            String fragment = target.getFragment() == null ? "" : target.getFragment();
            walk(load(targetDocument).at(JsonPointer.compile(fragment)), targetDocument, at, depth + 1);
        }
        schema.path("properties").properties()
                .forEach(e -> walk(e.getValue(), documentId, at + "/" + escape(e.getKey()), depth + 1));
        walk(schema.path("additionalProperties"), documentId, at + "/*", depth + 1);
        walk(schema.path("items"), documentId, at + "/*", depth + 1);
        for (String applicator : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(applicator).forEach(sub -> walk(sub, documentId, at, depth + 1));
        }
        walk(schema.path("then"), documentId, at, depth + 1);
        walk(schema.path("else"), documentId, at, depth + 1);
        schema.path("dependentSchemas").forEach(sub -> walk(sub, documentId, at, depth + 1));
    }

    private static JsonNode load(String id) {
        if (!id.startsWith(OciSchemas.BASE_ID)) {
            throw new IllegalArgumentException("not one of our schemas: " + id);
        }
        return FILES.computeIfAbsent(id, key -> OfflineSchemas.read(key.substring(OciSchemas.BASE_ID.length())));
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
