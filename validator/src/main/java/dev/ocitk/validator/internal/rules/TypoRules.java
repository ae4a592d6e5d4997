package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;
import dev.ocitk.validator.internal.DocumentKind;
import dev.ocitk.validator.internal.json.Pointers;
import dev.ocitk.validator.internal.schema.PropertyIndex;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Unknown properties are legal in config.json and the state (config.md#extensibility): runtimes ignore them. That
 * is exactly why a misspelled field is dangerous, so an unknown property a small edit away from a known one at the
 * same place ("readOnly" for "readonly") is a warning. The features document is stricter (FeaturesRules).
 */
public final class TypoRules implements RuleSet {

    public static final Rule MISSPELLED = new Rule("property.misspelled", Level.WARNING, "config.md#extensibility",
            "An unknown property is not a small edit away from a property the spec defines at that place;"
                    + " runtimes silently ignore it, so a misspelled field has no effect.");

    @Override
    public List<Rule> rules() {
        return List.of(MISSPELLED);
    }

    @Override
    public void check(CheckContext ctx) {
        if (ctx.kind() == DocumentKind.FEATURES) {
            return;
        }
        for (PropertyIndex.ObjectAt object : PropertyIndex.get().objects(ctx.kind(), ctx.rootNode())) {
            for (Iterator<String> it = object.object().fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (object.known().contains(name)) {
                    continue;
                }
                Optional<String> suggestion = Spelling.suggest(name, object.known());
                suggestion.ifPresent(s -> ctx.report(MISSPELLED, Pointers.child(object.pointer(), name),
                        "unknown property " + Messages.quote(name) + ", which runtimes ignore; did you mean \"" + s + "\"?"));
            }
        }
    }
}
