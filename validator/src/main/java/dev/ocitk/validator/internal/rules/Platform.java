package dev.ocitk.validator.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform a config.json targets, inferred from its platform section (config.md#platform-specific-configuration):
 * the spec has no field naming it. A config with no platform section, or with {@code linux}, is taken as Linux.
 */
public enum Platform {
    LINUX, WINDOWS, SOLARIS, ZOS, FREEBSD;

    public static Platform of(JsonNode config) {
        if (config == null || !config.isObject() || config.has("linux")) {
            return LINUX;
        }
        if (config.has("windows")) {
            return WINDOWS;
        }
        if (config.has("solaris")) {
            return SOLARIS;
        }
        if (config.has("zos")) {
            return ZOS;
        }
        if (config.has("freebsd")) {
            return FREEBSD;
        }
        return LINUX;
    }

    public boolean isPosix() {
        return this != WINDOWS;
    }
}
