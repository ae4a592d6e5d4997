package dev.ocitk.conformance.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A parsed state document (runtime.md#state) plus the exact text the runtime printed. Accessors return what is
 * there without judging it: a missing or mistyped field comes back empty, so tests can assert on it precisely.
 */
public record ContainerState(String json, JsonNode tree) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses {@code json}; throws {@link IllegalArgumentException} quoting the text when it is not a JSON object. */
    public static ContainerState parse(String json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("state output is not JSON: " + e.getMessage() + "\n  output: " + json.strip());
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("state output is not a JSON object: " + json.strip());
        }
        return new ContainerState(json, tree);
    }

    public Optional<String> ociVersion() {
        return text("ociVersion");
    }

    public Optional<String> id() {
        return text("id");
    }

    /** The {@code status} value as printed, e.g. {@code created}; empty when absent or not a string. */
    public Optional<String> status() {
        return text("status");
    }

    /** The {@code pid} when it is an integer; empty when absent or of another type. */
    public OptionalLong pid() {
        JsonNode n = tree.get("pid");
        return n != null && n.isIntegralNumber() ? OptionalLong.of(n.asLong()) : OptionalLong.empty();
    }

    public Optional<String> bundle() {
        return text("bundle");
    }

    /** String-valued annotations; empty map when absent. */
    public Map<String, String> annotations() {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode n = tree.get("annotations");
        if (n != null && n.isObject()) {
            n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    public boolean has(String field) {
        return tree.has(field);
    }

    private Optional<String> text(String field) {
        JsonNode n = tree.get(field);
        return n != null && n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }

    @Override
    public String toString() {
        return json.strip();
    }
}
