package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;
import dev.ocitk.validator.internal.DocumentKind;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Annotation keys of config.json, and of the state document, which carries the config's annotations
 * (config.md#annotations). The features document is exempt: its annotations describe the runtime, and the spec's
 * own features example uses keys under org.opencontainers that config.json may not.
 */
public final class AnnotationRules implements RuleSet {

    private static final String SPEC = "config.md#annotations";

    /** The keys under org.opencontainers the spec defines for config.json. */
    static final Set<String> DEFINED_KEYS = Set.of(
            "org.opencontainers.image.os",
            "org.opencontainers.image.os.version",
            "org.opencontainers.image.os.features",
            "org.opencontainers.image.architecture",
            "org.opencontainers.image.variant",
            "org.opencontainers.image.author",
            "org.opencontainers.image.created",
            "org.opencontainers.image.stopSignal");

    // Two or more DNS labels, reversed (com.example...), then anything: what "reverse domain notation" asks for.
    private static final Pattern REVERSE_DOMAIN = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+(?:[./_-].*)?");

    public static final Rule RESERVED = new Rule("annotations.reserved-key", Level.ERROR, SPEC,
            "Keys in the org.opencontainers namespace are only the ones the spec defines.");
    public static final Rule REVERSE_DOMAIN_NAME = new Rule("annotations.reverse-domain", Level.WARNING, SPEC,
            "Keys use reverse domain notation, e.g. com.example.key.");

    @Override
    public List<Rule> rules() {
        return List.of(RESERVED, REVERSE_DOMAIN_NAME);
    }

    @Override
    public void check(CheckContext ctx) {
        if (ctx.kind() == DocumentKind.FEATURES) {
            return;
        }
        for (Nodes.Member m : ctx.root().get("annotations").members()) {
            String key = m.name();
            if (key.isEmpty()) {
                continue; // the schema reports empty keys
            }
            if ((key.equals("org.opencontainers") || key.startsWith("org.opencontainers.")) && !DEFINED_KEYS.contains(key)) {
                ctx.report(RESERVED, m.value().pointer(), "key " + Messages.quote(key)
                        + " is in the reserved org.opencontainers namespace but not one the spec defines");
            } else if (!REVERSE_DOMAIN.matcher(key).matches()) {
                ctx.report(REVERSE_DOMAIN_NAME, m.value().pointer(), "key " + Messages.quote(key)
                        + " is not in reverse domain notation (e.g. com.example." + Messages.clip(key) + ")");
            }
        }
    }
}
