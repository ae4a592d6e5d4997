package dev.ocitk.validator.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON pointers as plain strings: {@code ""} is the whole document, {@code "/a/0/b~1c"} a member. */
public final class Pointers {
    private Pointers() {
    }

    /** The pointer to member {@code name} of the object at {@code parent}. */
    public static String child(String parent, String name) {
        return parent + "/" + escape(name);
    }

    /** The pointer to element {@code index} of the array at {@code parent}. */
    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String unescape(String token) {
        if (token.indexOf('~') < 0) {
            return token;
        }
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** The reference tokens of a pointer, unescaped; {@code ""} has none. */
    public static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        if (pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("not a JSON pointer: " + pointer);
        }
        int start = 1;
        while (true) {
            int slash = pointer.indexOf('/', start);
            if (slash < 0) {
                tokens.add(unescape(pointer.substring(start)));
                return tokens;
            }
            tokens.add(unescape(pointer.substring(start, slash)));
            start = slash + 1;
        }
    }

    /** The node at {@code pointer}, or null when it does not resolve. */
    public static JsonNode resolve(JsonNode root, String pointer) {
        JsonNode node = root;
        for (String token : tokens(pointer)) {
            if (node == null) {
                return null;
            }
            if (node.isObject()) {
                node = node.get(token);
            } else if (node.isArray()) {
                int index = arrayIndex(token);
                node = index < 0 ? null : node.get(index);
            } else {
                return null;
            }
        }
        return node;
    }

    /** The longest prefix of {@code pointer} that resolves in {@code root} ({@code ""} at worst). */
    public static String deepestResolvable(JsonNode root, String pointer) {
        String best = "";
        JsonNode node = root;
        StringBuilder current = new StringBuilder();
        for (String token : tokens(pointer)) {
            JsonNode next;
            if (node != null && node.isObject()) {
                next = node.get(token);
            } else if (node != null && node.isArray()) {
                int index = arrayIndex(token);
                next = index < 0 ? null : node.get(index);
            } else {
                next = null;
            }
            if (next == null) {
                return best;
            }
            current.append('/').append(escape(token));
            best = current.toString();
            node = next;
        }
        return best;
    }

    /** The parent of a pointer; the parent of {@code ""} is {@code ""}. */
    public static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /** The array index a token denotes under RFC 6901 (no leading zeros, no sign), or -1. */
    static int arrayIndex(String token) {
        if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(token);
    }
}
