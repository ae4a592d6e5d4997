package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;

import java.util.List;

/**
 * Problems with the input itself, found before any rule can look at it. They are reported by the validator while
 * reading, so {@link #check} does nothing; the rules are here so the catalogue lists them.
 */
public final class InputRules implements RuleSet {

    public static final Rule INVALID_JSON = new Rule("input.invalid-json", Level.ERROR, "glossary.md#json",
            "The document is UTF-8 encoded JSON text: one value, no byte order mark, nothing after it.");
    public static final Rule TOO_DEEP = new Rule("input.too-deep", Level.ERROR, "glossary.md#json",
            "The document nests at most 512 levels deep (the validator's limit; real documents nest about eight).");
    public static final Rule TOO_LARGE = new Rule("input.too-large", Level.ERROR, "glossary.md#json",
            "The document is at most 16 MiB (the validator's limit; real documents are kilobytes).");
    public static final Rule DUPLICATE_KEY = new Rule("input.duplicate-key", Level.ERROR, "glossary.md#json",
            "No object has two members with the same name.");
    public static final Rule UNREADABLE = new Rule("input.unreadable", Level.ERROR, "bundle.md#container-format",
            "The bundle's config.json is a readable regular file.");
    public static final Rule CONFIG_MISSING = new Rule("bundle.config.missing", Level.ERROR,
            "bundle.md#container-format", "The bundle directory contains config.json.");

    @Override
    public List<Rule> rules() {
        return List.of(INVALID_JSON, TOO_DEEP, TOO_LARGE, DUPLICATE_KEY, UNREADABLE, CONFIG_MISSING);
    }

    @Override
    public void check(CheckContext ctx) {
        // Reported while reading the input; see DefaultOciValidator.
    }
}
