package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;

import java.util.List;

/** root (config.md#root). Whether the directory exists is a bundle check (BundleRules). */
public final class RootRules implements RuleSet {

    public static final Rule CONVENTIONAL_PATH = new Rule("root.path.conventional", Level.WARNING, "config.md#root",
            "On POSIX platforms root.path is the conventional rootfs.");

    @Override
    public List<Rule> rules() {
        return List.of(CONVENTIONAL_PATH);
    }

    @Override
    public void check(CheckContext ctx) {
        Nodes.At path = ctx.root().get("root").get("path");
        String p = path.text();
        if (p != null && ctx.platform().isPosix() && !p.equals("rootfs") && !p.equals("rootfs/") && !p.equals("./rootfs")) {
            ctx.report(CONVENTIONAL_PATH, path.pointer(), "root.path " + Messages.quote(p)
                    + " is not the conventional \"rootfs\"");
        }
    }
}
