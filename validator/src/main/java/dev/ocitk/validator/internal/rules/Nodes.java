package dev.ocitk.validator.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocitk.validator.internal.json.Pointers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Type-tolerant access to document nodes: a node of the wrong type reads as absent (the schema reports it). */
public final class Nodes {

    /** A node and the pointer it sits at. */
    public record At(JsonNode node, String pointer) {
        public At get(String name) {
            JsonNode child = node != null && node.isObject() ? node.get(name) : null;
            return new At(child, Pointers.child(pointer, name));
        }

        public boolean present() {
            return node != null && !node.isNull();
        }

        public boolean isObject() {
            return node != null && node.isObject();
        }

        /** The text, or null when absent or not a string. */
        public String text() {
            return node != null && node.isTextual() ? node.textValue() : null;
        }

        /** True only for a JSON {@code true}. */
        public boolean isTrue() {
            return node != null && node.isBoolean() && node.booleanValue();
        }

        /** The integer value when it is an integer that fits a long, else null. */
        public Long longValue() {
            return node != null && node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
        }

        /** The elements of an array (empty when absent or not an array). */
        public List<At> elements() {
            List<At> out = new ArrayList<>();
            if (node != null && node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    out.add(new At(node.get(i), Pointers.child(pointer, i)));
                }
            }
            return out;
        }

        /** The members of an object (empty when absent or not an object). */
        public List<Member> members() {
            List<Member> out = new ArrayList<>();
            if (node != null && node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.add(new Member(e.getKey(), new At(e.getValue(), Pointers.child(pointer, e.getKey()))));
                }
            }
            return out;
        }

        /** The string elements of an array, skipping anything else. */
        public List<String> strings() {
            List<String> out = new ArrayList<>();
            for (At e : elements()) {
                if (e.text() != null) {
                    out.add(e.text());
                }
            }
            return out;
        }
    }

    /** One member of an object. */
    public record Member(String name, At value) {
    }

    private Nodes() {
    }
}
