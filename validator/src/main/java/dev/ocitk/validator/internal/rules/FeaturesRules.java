package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;
import dev.ocitk.validator.internal.DocumentKind;
import dev.ocitk.validator.internal.json.Pointers;
import dev.ocitk.validator.internal.schema.PropertyIndex;
import dev.ocitk.validator.internal.version.SemVer;
import dev.ocitk.validator.internal.version.SpecVersions;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The features document (features.md, features-linux.md). */
public final class FeaturesRules implements RuleSet {

    public static final Rule VERSION_ORDER = new Rule("features.version.order", Level.ERROR,
            "features.md#specification-version", "ociVersionMax is not less than ociVersionMin.");
    public static final Rule UNDEFINED_PROPERTY = new Rule("features.property.undefined", Level.ERROR,
            "features.md#specification-version", "The features document has only properties the spec defines"
                    + " (annotations aside); checked when ociVersionMax is a version this validator knows.");
    public static final Rule HOOK_UNKNOWN = new Rule("features.hooks.unknown", Level.WARNING, "features.md#hooks",
            "hooks names only the six hook kinds of config.json.");
    public static final Rule SECCOMP_FLAGS = new Rule("features.seccomp.supportedFlags", Level.WARNING,
            "features-linux.md#seccomp", "Every supported seccomp flag is also a known one (supportedFlags is a"
                    + " subset of knownFlags).");

    @Override
    public List<Rule> rules() {
        return List.of(VERSION_ORDER, UNDEFINED_PROPERTY, HOOK_UNKNOWN, SECCOMP_FLAGS);
    }

    @Override
    public void check(CheckContext ctx) {
        Nodes.At root = ctx.root();
        Optional<SemVer> min = Optional.ofNullable(root.get("ociVersionMin").text()).flatMap(SemVer::parse);
        Optional<SemVer> max = Optional.ofNullable(root.get("ociVersionMax").text()).flatMap(SemVer::parse);
        if (min.isPresent() && max.isPresent() && max.get().before(min.get())) {
            ctx.report(VERSION_ORDER, root.get("ociVersionMax").pointer(), "ociVersionMax " + max.get()
                    + " is less than ociVersionMin " + min.get());
        }
        if (max.isPresent() && SpecVersions.known(max.get())) {
            undefinedProperties(ctx);
        }
        for (Nodes.At hook : root.get("hooks").elements()) {
            if (hook.text() != null && !HookRules.KINDS.contains(hook.text())) {
                ctx.report(HOOK_UNKNOWN, hook.pointer(), "hook kind " + Messages.quote(hook.text())
                        + " is not one config.json has" + Spelling.didYouMean(hook.text(), HookRules.KINDS));
            }
        }
        Nodes.At seccomp = root.get("linux").get("seccomp");
        Set<String> known = new HashSet<>(seccomp.get("knownFlags").strings());
        if (seccomp.get("knownFlags").node() != null && seccomp.get("knownFlags").node().isArray()) {
            for (Nodes.At flag : seccomp.get("supportedFlags").elements()) {
                if (flag.text() != null && !known.contains(flag.text())) {
                    ctx.report(SECCOMP_FLAGS, flag.pointer(), "supported flag " + Messages.quote(flag.text())
                            + " is not in knownFlags");
                }
            }
        }
    }

    private static void undefinedProperties(CheckContext ctx) {
        for (PropertyIndex.ObjectAt object : PropertyIndex.get().objects(DocumentKind.FEATURES, ctx.rootNode())) {
            for (Iterator<String> it = object.object().fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!object.known().contains(name)) {
                    ctx.report(UNDEFINED_PROPERTY, Pointers.child(object.pointer(), name), "property "
                            + Messages.quote(name) + " is not defined by the spec"
                            + Spelling.didYouMean(name, object.known()));
                }
            }
        }
    }
}
