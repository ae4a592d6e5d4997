package dev.ocitk.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonPointer;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds {@code $ref}s that do not resolve inside this module's schema set. A reference must resolve (against the
 * referring file's {@code $id}) to {@code BASE_ID + file} with an optional JSON-pointer fragment, the file must be
 * one of ours and the fragment must name an existing node.
 */
final class RefCheck {

    private RefCheck() {
    }

    /**
     * @param schema the parsed schema file
     * @param id     its {@code $id}
     * @param files  file name to parsed content, for every file a reference may target
     * @return one message per unresolvable reference, naming where it is
     */
    static List<String> danglingRefs(JsonNode schema, String id, Function<String, JsonNode> files, List<String> known) {
        List<String> problems = new ArrayList<>();
        collect(schema, JsonPointer.empty(), (where, ref) -> {
            String problem = resolveProblem(id, ref, files, known);
            if (problem != null) {
                problems.add(where + ": $ref \"" + ref + "\" " + problem);
            }
        });
        return problems;
    }

    /** Every {@code $ref} keyword in the document, with the pointer of the object that holds it. */
    static void collect(JsonNode node, JsonPointer where, java.util.function.BiConsumer<JsonPointer, String> sink) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    sink.accept(where, field.getValue().asText());
                } else {
                    collect(field.getValue(), where.appendProperty(field.getKey()), sink);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), where.appendIndex(i), sink);
            }
        }
    }

    private static String resolveProblem(String id, String ref, Function<String, JsonNode> files, List<String> known) {
        URI target;
        try {
            target = URI.create(id).resolve(ref);
        } catch (IllegalArgumentException e) {
            return "is not a URI reference";
        }
        String withoutFragment = target.getScheme() + ":" + target.getRawSchemeSpecificPart();
        if (!withoutFragment.startsWith(OciSchemas.BASE_ID)) {
            return "leaves the schema set (resolves to " + target + ")";
        }
        String file = withoutFragment.substring(OciSchemas.BASE_ID.length());
        if (!known.contains(file)) {
            return "names " + file + ", which index.txt does not list";
        }
        String fragment = target.getFragment();
        if (fragment == null || fragment.isEmpty()) {
            return null;
        }
        if (!fragment.startsWith("/")) {
            return "uses a fragment that is not a JSON pointer";
        }
        return files.apply(file).at(JsonPointer.compile(fragment)).isMissingNode()
                ? "points at " + fragment + ", which does not exist in " + file
                : null;
    }
}
