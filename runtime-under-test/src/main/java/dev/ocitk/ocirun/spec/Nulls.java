package dev.ocitk.ocirun.spec;

import java.util.List;
import java.util.Map;

/** Optional lists and maps of the spec read as empty when absent, so callers never branch on null. */
public final class Nulls {
    private Nulls() {}

    public static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    public static <K, V> Map<K, V> map(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }
}
