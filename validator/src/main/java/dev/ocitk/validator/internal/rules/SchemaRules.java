package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule per JSON Schema keyword our schemas assert with, so a schema finding has a stable ID
 * ({@code schema.<keyword>}). The spec section of a schema finding is the one that defines the field it is about
 * (see SpecSections), not the one below, which only says where the schemas come from.
 */
public final class SchemaRules implements RuleSet {

    private static final String SPEC = "config.md#configuration";

    private static final Map<String, Rule> BY_KEYWORD = new LinkedHashMap<>();

    // The keywords networknt reports for our schemas: assertions, plus the applicators that report themselves
    // (anyOf through SchemaValidation's grouping, not, propertyNames, and the false schema). SchemaRulesTest checks
    // the list against the keywords the schema files use.
    static {
        keyword("type", "Every field has the JSON type the spec gives it.");
        keyword("required", "Every REQUIRED field is present.");
        keyword("enum", "Fields whose values the spec enumerates hold one of them.");
        keyword("const", "Fields the spec fixes to one value hold it (e.g. root.readonly is false on Windows).");
        keyword("pattern", "String fields match the format the spec gives them.");
        keyword("minimum", "Numbers are within the range of their type (e.g. uint32 is not negative).");
        keyword("maximum", "Numbers are within the range of their type (e.g. uint16 is at most 65535).");
        keyword("exclusiveMinimum", "Numbers are above the bound the spec gives (e.g. a hook timeout is above zero).");
        keyword("minItems", "Arrays the spec requires entries in have them (e.g. process.args, syscall names).");
        keyword("dependentRequired", "Fields that require another field come with it (e.g. uidMappings and gidMappings).");
        keyword("anyOf", "An object that needs one of several fields has at least one (e.g. weight or leafWeight).");
        keyword("not", "A field is not in a shape the spec excludes (e.g. a schema string with a newline).");
        keyword("propertyNames", "Map keys have the form the spec gives (e.g. annotation keys are not empty).");
        keyword("false", "Fields the spec forbids in this place are absent (e.g. root for Hyper-V containers).");
    }

    /** Any keyword not listed above: kept so no schema message goes unreported. */
    public static final Rule OTHER = new Rule("schema.other", Level.ERROR, SPEC,
            "The document meets a schema constraint not covered by a more specific schema rule.");

    private static void keyword(String keyword, String summary) {
        BY_KEYWORD.put(keyword, new Rule("schema." + keyword, Level.ERROR, SPEC, summary));
    }

    /** The rule for a schema keyword. */
    public static Rule forKeyword(String keyword) {
        return BY_KEYWORD.getOrDefault(keyword, OTHER);
    }

    @Override
    public List<Rule> rules() {
        List<Rule> all = new java.util.ArrayList<>(BY_KEYWORD.values());
        all.add(OTHER);
        return all;
    }

    @Override
    public void check(CheckContext ctx) {
        // Reported by SchemaValidation.
    }
}
