package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.LinuxCapabilities;
import dev.ocitk.validator.Rule;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** process.capabilities (config.md#linux-process). */
public final class CapabilityRules implements RuleSet {

    private static final String SPEC = "config.md#linux-process";

    /** capabilities(7), as a set for lookups and suggestions. */
    static final Set<String> KNOWN = Set.copyOf(LinuxCapabilities.NAMES);

    private static final List<String> SETS = List.of("bounding", "effective", "inheritable", "permitted", "ambient");

    public static final Rule UNKNOWN = new Rule("process.capabilities.unknown", Level.WARNING, SPEC,
            "Capability names are ones capabilities(7) defines; runtimes warn about others and should not fail.");
    // A warning, not an error: the spec asks runtimes to warn about capabilities they cannot grant and not to fail
    // (runc 1.1 does fail here: capset(2) refuses an effective set beyond the permitted one).
    public static final Rule EFFECTIVE_NOT_PERMITTED = new Rule("process.capabilities.effective-not-permitted",
            Level.WARNING, SPEC, "Every effective capability is also permitted; capset(2) refuses anything else,"
            + " so the capability cannot be granted (some runtimes fail, as the spec allows them to warn instead).");
    public static final Rule AMBIENT_NOT_INHERITABLE = new Rule("process.capabilities.ambient-not-permitted-inheritable",
            Level.WARNING, SPEC, "Every ambient capability is both permitted and inheritable; the kernel refuses to"
            + " raise any other, so the process will not have it.");

    @Override
    public List<Rule> rules() {
        return List.of(UNKNOWN, EFFECTIVE_NOT_PERMITTED, AMBIENT_NOT_INHERITABLE);
    }

    @Override
    public void check(CheckContext ctx) {
        Nodes.At caps = ctx.root().get("process").get("capabilities");
        if (!caps.isObject()) {
            return;
        }
        for (String set : SETS) {
            for (Nodes.At entry : caps.get(set).elements()) {
                String name = entry.text();
                if (name != null && !KNOWN.contains(name)) {
                    ctx.report(UNKNOWN, entry.pointer(), "capability " + Messages.quote(name)
                            + " is not in capabilities(7)" + Spelling.didYouMean(name, KNOWN));
                }
            }
        }
        Set<String> permitted = new LinkedHashSet<>(caps.get("permitted").strings());
        Set<String> inheritable = new LinkedHashSet<>(caps.get("inheritable").strings());
        for (Nodes.At entry : caps.get("effective").elements()) {
            if (entry.text() != null && !permitted.contains(entry.text())) {
                ctx.report(EFFECTIVE_NOT_PERMITTED, entry.pointer(), Messages.clip(entry.text())
                        + " is effective but not permitted, which capset(2) refuses: it cannot be granted");
            }
        }
        for (Nodes.At entry : caps.get("ambient").elements()) {
            String name = entry.text();
            if (name == null) {
                continue;
            }
            List<String> missing = new java.util.ArrayList<>();
            if (!permitted.contains(name)) {
                missing.add("permitted");
            }
            if (!inheritable.contains(name)) {
                missing.add("inheritable");
            }
            if (!missing.isEmpty()) {
                ctx.report(AMBIENT_NOT_INHERITABLE, entry.pointer(), Messages.clip(name) + " is ambient but not "
                        + String.join(" or ", missing) + ", so the kernel will not raise it");
            }
        }
    }
}
