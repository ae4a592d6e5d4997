package dev.ocitk.validator.internal.rules;

import java.util.HashMap;
import java.util.Map;

/** Environment arrays (process.env, hooks[].env): entries of the form NAME=value, as environ holds them. */
final class Env {
    private Env() {
    }

    /** Null when {@code entry} is NAME=value, else what is wrong with it. */
    static String problem(String entry) {
        int eq = entry.indexOf('=');
        if (eq < 0) {
            return "has no '=' (expected NAME=value)";
        }
        if (eq == 0) {
            return "has an empty name (expected NAME=value)";
        }
        if (entry.indexOf('\0') >= 0) {
            return "contains a NUL character, which no environment can carry";
        }
        return null;
    }

    /** The variables a well-formed env array sets (last entry wins, as runtimes apply them). */
    static Map<String, String> toMap(Iterable<String> entries) {
        Map<String, String> map = new HashMap<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            if (eq > 0) {
                map.put(e.substring(0, eq), e.substring(eq + 1));
            }
        }
        return map;
    }
}
