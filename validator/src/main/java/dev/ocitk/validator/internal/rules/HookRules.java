package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;
import dev.ocitk.validator.internal.version.SpecVersions;

import java.util.List;

/**
 * Hooks of all six kinds (config.md#posix-platform-hooks). Whether a hook's path exists is a bundle check
 * (BundleRules); the timeout bound is the schema's.
 */
public final class HookRules implements RuleSet {

    /** The six hook kinds, in lifecycle order (runtime.md#lifecycle). */
    public static final List<String> KINDS = List.of("prestart", "createRuntime", "createContainer",
            "startContainer", "poststart", "poststop");

    public static final Rule PATH_ABSOLUTE = new Rule("hooks.path.absolute", Level.ERROR, "config.md#posix-platform-hooks",
            "A hook's path is absolute.");
    public static final Rule ENV_FORMAT = new Rule("hooks.env.format", Level.ERROR, "config.md#posix-platform-hooks",
            "A hook's env entries have the form NAME=value.");
    public static final Rule PRESTART_DEPRECATED = new Rule("hooks.prestart.deprecated", Level.INFO, "config.md#prestart",
            "prestart hooks are deprecated (from spec 1.0.2) in favour of createRuntime, createContainer and"
                    + " startContainer.");

    @Override
    public List<Rule> rules() {
        return List.of(PATH_ABSOLUTE, ENV_FORMAT, PRESTART_DEPRECATED);
    }

    @Override
    public void check(CheckContext ctx) {
        Nodes.At hooks = ctx.root().get("hooks");
        if (!hooks.isObject()) {
            return;
        }
        // Before 1.0.2 prestart was the only hook of its kind: nothing to move to.
        if (!hooks.get("prestart").elements().isEmpty() && !ctx.rulesVersion().before(SpecVersions.FINER_HOOKS)) {
            ctx.report(PRESTART_DEPRECATED, hooks.get("prestart").pointer(),
                    "prestart hooks are deprecated; createRuntime runs at the same point of the lifecycle");
        }
        for (String kind : KINDS) {
            for (Nodes.At hook : hooks.get(kind).elements()) {
                String path = hook.get("path").text();
                if (path != null && !path.startsWith("/")) {
                    ctx.report(PATH_ABSOLUTE, hook.get("path").pointer(), kind + " hook path " + Messages.quote(path)
                            + " is not absolute");
                }
                for (Nodes.At entry : hook.get("env").elements()) {
                    String e = entry.text();
                    String problem = e == null ? null : Env.problem(e);
                    if (problem != null) {
                        ctx.report(ENV_FORMAT, entry.pointer(), kind + " hook env entry " + Messages.quote(e) + " " + problem);
                    }
                }
            }
        }
    }
}
