package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;

import java.util.List;
import java.util.Set;

/** The state document (runtime.md#state). */
public final class StateRules implements RuleSet {

    private static final String SPEC = "runtime.md#state";
    private static final Set<String> STATUSES = Set.of("creating", "created", "running", "stopped");

    public static final Rule PID_REQUIRED = new Rule("state.pid.required", Level.ERROR, SPEC,
            "pid is present when status is created or running (required on Linux, which this validator assumes).");
    public static final Rule PID_POSITIVE = new Rule("state.pid.positive", Level.ERROR, SPEC,
            "pid names a process (is above zero) when status is created or running.");
    public static final Rule BUNDLE_ABSOLUTE = new Rule("state.bundle.absolute", Level.ERROR, SPEC,
            "bundle is an absolute path.");
    public static final Rule STATUS_UNKNOWN = new Rule("state.status.unknown", Level.WARNING, SPEC,
            "status is creating, created, running or stopped; runtimes may add values, but only for new states.");

    @Override
    public List<Rule> rules() {
        return List.of(PID_REQUIRED, PID_POSITIVE, BUNDLE_ABSOLUTE, STATUS_UNKNOWN);
    }

    @Override
    public void check(CheckContext ctx) {
        Nodes.At root = ctx.root();
        Nodes.At status = root.get("status");
        String s = status.text();
        if (s != null && !STATUSES.contains(s)) {
            ctx.report(STATUS_UNKNOWN, status.pointer(), "status " + Messages.quote(s)
                    + " is not one the spec defines (creating, created, running, stopped)");
        }
        if ("created".equals(s) || "running".equals(s)) {
            Nodes.At pid = root.get("pid");
            if (!pid.present()) {
                ctx.report(PID_REQUIRED, "", "pid is missing although status is " + s);
            } else if (pid.longValue() != null && pid.longValue() <= 0) {
                ctx.report(PID_POSITIVE, pid.pointer(), "pid " + pid.longValue() + " names no process although status is " + s);
            }
        }
        Nodes.At bundle = root.get("bundle");
        if (bundle.text() != null && !bundle.text().startsWith("/")) {
            ctx.report(BUNDLE_ABSOLUTE, bundle.pointer(), "bundle " + Messages.quote(bundle.text()) + " is not an absolute path");
        }
    }
}
