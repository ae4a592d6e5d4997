package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;
import dev.ocitk.validator.internal.DocumentKind;
import dev.ocitk.validator.internal.version.SemVer;
import dev.ocitk.validator.internal.version.SinceTable;
import dev.ocitk.validator.internal.version.SpecVersions;

import java.util.ArrayList;
import java.util.Comparator;
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

    public static final Rule FIELD_NEWER = new Rule("version.field-newer", Level.WARNING,
            "config.md#specification-version", "Fields and values are not newer than the declared spec version"
                    + " (a runtime of that version may not know them and, as unknown properties, ignore them).");
    public static final Rule FIELD_REMOVED = new Rule("version.field-removed", Level.WARNING,
            "config.md#specification-version", "Fields the declared spec version no longer defines are not used"
                    + " (runtimes ignore them).");

    @Override
    public List<Rule> rules() {
        return List.of(SEMVER, UNKNOWN, FIELD_NEWER, FIELD_REMOVED);
    }

    @Override
    public void check(CheckContext ctx) {
        if (ctx.kind() == DocumentKind.FEATURES) {
            check(ctx, ctx.root().get("ociVersionMin"));
            check(ctx, ctx.root().get("ociVersionMax"));
        } else {
            check(ctx, ctx.root().get("ociVersion"));
        }
        ctx.declaredVersion().filter(SpecVersions::known).ifPresent(v -> checkFieldVersions(ctx, v));
    }

    /**
     * Fields newer (or removed by now) than the declared version. A pre-release counts as the release it leads to:
     * 1.0.2-dev may use what 1.0.2 defines. Only the outermost newer field is reported (a newer section's own
     * fields are newer too, which says nothing more).
     */
    private static void checkFieldVersions(CheckContext ctx, SemVer declared) {
        SemVer release = declared.core();
        List<SinceTable.Match> newer = new ArrayList<>();
        for (SinceTable.Match m : SinceTable.get().matches(ctx.kind(), ctx.rootNode())) {
            if (release.before(m.entry().since())) {
                newer.add(m);
            } else if (m.entry().removedIn() != null && !release.before(m.entry().removedIn())) {
                ctx.report(FIELD_REMOVED, m.pointer(), what(m) + " was removed in spec " + m.entry().removedIn()
                        + " and this document declares " + declared + "; runtimes ignore it");
            }
        }
        newer.sort(Comparator.comparingInt(m -> m.pointer().length()));
        List<String> reported = new ArrayList<>();
        for (SinceTable.Match m : newer) {
            boolean covered = reported.stream().anyMatch(p -> m.pointer().equals(p) || m.pointer().startsWith(p + "/"));
            if (!covered) {
                reported.add(m.pointer());
                ctx.report(FIELD_NEWER, m.pointer(), what(m) + " was introduced in spec " + m.entry().since()
                        + ", after the declared " + declared
                        + (ctx.kind() == DocumentKind.CONFIG ? "; a runtime of that version may ignore it" : ""));
            }
        }
    }

    private static String what(SinceTable.Match m) {
        return m.entry().value() != null ? "value " + m.entry().value() + " at " + (m.pointer().isEmpty() ? "/" : m.pointer())
                : (m.pointer().isEmpty() ? "the " + m.entry().document().name().toLowerCase(java.util.Locale.ROOT)
                + " document" : m.pointer());
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
