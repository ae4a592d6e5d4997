package dev.ocitk.validator.internal.rules;

/** Which namespaces a Linux config asks for (config-linux.md#namespaces). */
final class Namespaces {
    private Namespaces() {
    }

    /** True when linux.namespaces has an entry of {@code type}, new or joined by path. */
    static boolean has(CheckContext ctx, String type) {
        for (Nodes.At ns : ctx.root().get("linux").get("namespaces").elements()) {
            if (type.equals(ns.get("type").text())) {
                return true;
            }
        }
        return false;
    }
}
