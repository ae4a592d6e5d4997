package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;

import java.util.List;
import java.util.Set;

/** linux.seccomp (config-linux.md#seccomp). Enumerations and the listenerMetadata dependency are the schema's. */
public final class SeccompRules implements RuleSet {

    private static final String SPEC = "config-linux.md#seccomp";
    private static final Set<String> ERRNO_ACTIONS = Set.of("SCMP_ACT_ERRNO", "SCMP_ACT_TRACE");
    private static final Set<String> KILL_ACTIONS = Set.of("SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD");

    public static final Rule ERRNO_RET_ACTION = new Rule("linux.seccomp.errnoRet.action", Level.ERROR, SPEC,
            "errnoRet is only set on rules whose action returns an errno (SCMP_ACT_ERRNO, SCMP_ACT_TRACE); runtimes"
                    + " must fail otherwise.");
    public static final Rule DEFAULT_ERRNO_RET_ACTION = new Rule("linux.seccomp.defaultErrnoRet.action", Level.ERROR,
            SPEC, "defaultErrnoRet is only set when defaultAction returns an errno (SCMP_ACT_ERRNO, SCMP_ACT_TRACE).");
    public static final Rule NOTIFY_WITHOUT_LISTENER = new Rule("linux.seccomp.notify.listener", Level.WARNING, SPEC,
            "SCMP_ACT_NOTIFY comes with a listenerPath to send the notification fd to.");
    public static final Rule KILL_WITHOUT_SYSCALLS = new Rule("linux.seccomp.default-kill.syscalls", Level.WARNING,
            SPEC, "A killing defaultAction comes with syscalls rules that allow something; otherwise the process"
                    + " dies at its first system call.");

    @Override
    public List<Rule> rules() {
        return List.of(ERRNO_RET_ACTION, DEFAULT_ERRNO_RET_ACTION, NOTIFY_WITHOUT_LISTENER, KILL_WITHOUT_SYSCALLS);
    }

    @Override
    public void check(CheckContext ctx) {
        Nodes.At seccomp = ctx.root().get("linux").get("seccomp");
        if (!seccomp.isObject()) {
            return;
        }
        String defaultAction = seccomp.get("defaultAction").text();
        if (seccomp.get("defaultErrnoRet").present() && defaultAction != null && !ERRNO_ACTIONS.contains(defaultAction)) {
            ctx.report(DEFAULT_ERRNO_RET_ACTION, seccomp.get("defaultErrnoRet").pointer(), "defaultErrnoRet is set but"
                    + " defaultAction " + Messages.clip(defaultAction) + " returns no errno");
        }
        boolean notify = "SCMP_ACT_NOTIFY".equals(defaultAction);
        List<Nodes.At> syscalls = seccomp.get("syscalls").elements();
        for (Nodes.At syscall : syscalls) {
            String action = syscall.get("action").text();
            notify |= "SCMP_ACT_NOTIFY".equals(action);
            if (syscall.get("errnoRet").present() && action != null && !ERRNO_ACTIONS.contains(action)) {
                ctx.report(ERRNO_RET_ACTION, syscall.get("errnoRet").pointer(), "errnoRet is set but action "
                        + Messages.clip(action) + " returns no errno");
            }
        }
        if (notify && seccomp.get("listenerPath").text() == null) {
            ctx.report(NOTIFY_WITHOUT_LISTENER, seccomp.pointer(), "SCMP_ACT_NOTIFY is used but listenerPath is not"
                    + " set: there is no agent to send the notifications to");
        }
        if (defaultAction != null && KILL_ACTIONS.contains(defaultAction) && syscalls.isEmpty()) {
            ctx.report(KILL_WITHOUT_SYSCALLS, seccomp.get("defaultAction").pointer(), "defaultAction " + defaultAction
                    + " with no syscalls rules kills the process at its first system call");
        }
    }
}
