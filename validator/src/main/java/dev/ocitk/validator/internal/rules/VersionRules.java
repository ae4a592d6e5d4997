package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;
import dev.ocitk.validator.internal.DocumentKind;
import dev.ocitk.validator.internal.version.SemVer;
import dev.ocitk.validator.internal.version.SpecVersions;

import java.util.List;
import java.util.Optional;

/**
 * The version fields: {@code ociVersion} of config and state, {@code ociVersionMin}/{@code ociVersionMax} of
 * features. Each must be SemVer 2.0.0; a version this validator does not know is checked against the newest rules
 * it has, with a warning, never rejected.
 */
public final class VersionRules implements RuleSet {

    public static final Rule SEMVER = new Rule("version.semver", Level.ERROR, "config.md#specification-version",
            "Spec versions (ociVersion, ociVersionMin, ociVersionMax) are SemVer 2.0.0 strings.");
    public static final Rule UNKNOWN = new Rule("version.unknown", Level.WARNING, "config.md#specification-version",
            "The declared spec version is one this validator knows (1.0.0 up to 1.3.0, pre-releases included);"
                    + " others are checked against the 1.3.0 rules.");

    @Override
    public List<Rule> rules() {
        return List.of(SEMVER, UNKNOWN);
    }

    @Override
    public void check(CheckContext ctx) {
        if (ctx.kind() == DocumentKind.FEATURES) {
            check(ctx, ctx.root().get("ociVersionMin"));
            check(ctx, ctx.root().get("ociVersionMax"));
        } else {
            check(ctx, ctx.root().get("ociVersion"));
        }
    }

    private static void check(CheckContext ctx, Nodes.At field) {
        String text = field.text();
        if (text == null) {
            return; // absent or not a string: the schema says so
        }
        Optional<SemVer> version = SemVer.parse(text);
        if (version.isEmpty()) {
            ctx.report(SEMVER, field.pointer(), "\"" + Messages.clip(text) + "\" is not a SemVer 2.0.0 version"
                    + " (MAJOR.MINOR.PATCH, e.g. 1.3.0 or 1.0.2-dev)");
        } else if (!SpecVersions.known(version.get())) {
            ctx.report(UNKNOWN, field.pointer(), "spec version " + text + " is not one this validator knows"
                    + " (1.0.0 to " + SpecVersions.LATEST + "); checked against the " + SpecVersions.LATEST + " rules");
        }
    }
}
