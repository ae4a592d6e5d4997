package dev.ocitk.validator.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocitk.schemas.OciSchemas;
import dev.ocitk.validator.internal.DocumentKind;
import dev.ocitk.validator.internal.json.Pointers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The property names our schemas define at each place of a document, for the rules that look for unknown (often
 * misspelled) members. Read from the schema files themselves, so a field added to a schema is known here at once.
 *
 * <p>A document is walked together with its schema: {@code $ref}, {@code allOf}/{@code anyOf}/{@code oneOf} and
 * both branches of {@code if}/{@code then}/{@code else} contribute the names they define; {@code properties},
 * {@code additionalProperties}, {@code patternProperties} and {@code items} lead to the schemas of members and
 * elements. Objects whose schema allows arbitrary keys (maps such as annotations or sysctl) have no unknown members.
 */
public final class PropertyIndex {

    /** What the walk found at one object of the document. */
    public record ObjectAt(String pointer, JsonNode object, Set<String> known) {
    }

    private record Schema(JsonNode node, String baseId) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile PropertyIndex instance;

    private final Map<String, JsonNode> byId = new HashMap<>();
    private final Map<JsonNode, Expanded> expansions = Collections.synchronizedMap(new IdentityHashMap<>());

    private PropertyIndex() {
        for (String file : OciSchemas.files()) {
            if (!file.endsWith(".json")) {
                continue;
            }
            try (InputStream in = OciSchemas.open(file)) {
                JsonNode schema = MAPPER.readTree(in);
                byId.put(OciSchemas.BASE_ID + file, schema);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + file, e);
            }
        }
    }

    public static PropertyIndex get() {
        PropertyIndex i = instance;
        if (i == null) {
            synchronized (PropertyIndex.class) {
                i = instance;
                if (i == null) {
                    i = new PropertyIndex();
                    instance = i;
                }
            }
        }
        return i;
    }

    /** Every object of {@code document} whose schema names a closed set of properties, with that set. */
    public List<ObjectAt> objects(DocumentKind kind, JsonNode document) {
        List<ObjectAt> out = new ArrayList<>();
        String id = kind.schema().id();
        walk(document, "", List.of(new Schema(byId.get(id), id)), out, 0);
        return out;
    }

    private void walk(JsonNode instance, String pointer, List<Schema> schemas, List<ObjectAt> out, int depth) {
        if (schemas.isEmpty() || depth > 64) {
            return;
        }
        List<Schema> expanded = new ArrayList<>();
        for (Schema s : schemas) {
            expanded.addAll(expand(s).schemas);
        }
        if (instance.isObject()) {
            Set<String> known = new LinkedHashSet<>();
            boolean open = false;
            for (Schema s : expanded) {
                JsonNode props = s.node.get("properties");
                if (props != null && props.isObject()) {
                    props.fieldNames().forEachRemaining(known::add);
                }
                JsonNode additional = s.node.get("additionalProperties");
                if ((additional != null && additional.isObject()) || s.node.has("patternProperties")) {
                    open = true;
                }
            }
            if (!open && !known.isEmpty()) {
                out.add(new ObjectAt(pointer, instance, known));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = instance.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                walk(member.getValue(), Pointers.child(pointer, member.getKey()),
                        memberSchemas(expanded, member.getKey()), out, depth + 1);
            }
        } else if (instance.isArray()) {
            List<Schema> items = new ArrayList<>();
            for (Schema s : expanded) {
                JsonNode item = s.node.get("items");
                if (item != null && item.isObject()) {
                    items.add(new Schema(item, s.baseId));
                }
            }
            for (int i = 0; i < instance.size(); i++) {
                walk(instance.get(i), Pointers.child(pointer, i), items, out, depth + 1);
            }
        }
    }

    private List<Schema> memberSchemas(List<Schema> expanded, String name) {
        List<Schema> out = new ArrayList<>();
        for (Schema s : expanded) {
            JsonNode props = s.node.get("properties");
            JsonNode named = props != null ? props.get(name) : null;
            if (named != null && named.isObject()) {
                out.add(new Schema(named, s.baseId));
                continue;
            }
            JsonNode patterns = s.node.get("patternProperties");
            boolean matched = false;
            if (patterns != null && patterns.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = patterns.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (Pattern.compile(p.getKey()).matcher(name).find() && p.getValue().isObject()) {
                        out.add(new Schema(p.getValue(), s.baseId));
                        matched = true;
                    }
                }
            }
            JsonNode additional = s.node.get("additionalProperties");
            if (!matched && additional != null && additional.isObject()) {
                out.add(new Schema(additional, s.baseId));
            }
        }
        return out;
    }

    private static final class Expanded {
        final List<Schema> schemas = new ArrayList<>();
    }

    /** A schema plus everything it pulls in by reference or combination. */
    private Expanded expand(Schema root) {
        Expanded cached = expansions.get(root.node);
        if (cached != null) {
            return cached;
        }
        Expanded e = new Expanded();
        Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(root, e.schemas, seen);
        expansions.put(root.node, e);
        return e;
    }

    private void collect(Schema s, List<Schema> out, Set<JsonNode> seen) {
        if (s.node == null || !s.node.isObject() || !seen.add(s.node)) {
            return;
        }
        String base = s.node.has("$id") ? s.node.get("$id").asText() : s.baseId;
        Schema self = new Schema(s.node, base);
        out.add(self);
        JsonNode ref = s.node.get("$ref");
        if (ref != null && ref.isTextual()) {
            Schema target = resolve(ref.textValue(), base);
            if (target != null) {
                collect(target, out, seen);
            }
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode list = s.node.get(combinator);
            if (list != null && list.isArray()) {
                list.forEach(n -> collect(new Schema(n, base), out, seen));
            }
        }
        for (String branch : List.of("then", "else")) {
            JsonNode b = s.node.get(branch);
            if (b != null) {
                collect(new Schema(b, base), out, seen);
            }
        }
    }

    private Schema resolve(String ref, String base) {
        int hash = ref.indexOf('#');
        String doc = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        String id = doc.isEmpty() ? base : doc.startsWith("http") ? doc : OciSchemas.BASE_ID + doc;
        JsonNode root = byId.get(id);
        if (root == null) {
            return null;
        }
        JsonNode target = fragment.isEmpty() ? root : Pointers.resolve(root, fragment);
        return target == null ? null : new Schema(target, id);
    }
}
