package dev.ocitk.validator.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A parsed JSON document.
 *
 * @param root          the top-level value
 * @param duplicateKeys pointers of members whose name appeared more than once in their object (the last one wins,
 *                      as in Go's encoding/json, which runc and most runtimes use)
 */
public record JsonDocument(JsonNode root, List<String> duplicateKeys) {
    public JsonDocument {
        duplicateKeys = List.copyOf(duplicateKeys);
    }
}
