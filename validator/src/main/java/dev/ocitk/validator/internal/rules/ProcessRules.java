package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The process object (config.md#process, #posix-process, #linux-process, #user), capabilities aside. */
public final class ProcessRules implements RuleSet {

    private static final Set<String> LINUX_RLIMITS = Set.of("RLIMIT_AS", "RLIMIT_CORE", "RLIMIT_CPU", "RLIMIT_DATA",
            "RLIMIT_FSIZE", "RLIMIT_LOCKS", "RLIMIT_MEMLOCK", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_NOFILE",
            "RLIMIT_NPROC", "RLIMIT_RSS", "RLIMIT_RTPRIO", "RLIMIT_RTTIME", "RLIMIT_SIGPENDING", "RLIMIT_STACK");
    private static final Set<String> SOLARIS_RLIMITS = Set.of("RLIMIT_CORE", "RLIMIT_CPU", "RLIMIT_DATA",
            "RLIMIT_FSIZE", "RLIMIT_NOFILE", "RLIMIT_STACK", "RLIMIT_AS", "RLIMIT_VMEM");

    public static final Rule ABSENT = new Rule("process.absent", Level.INFO, "config.md#process",
            "A config without process can be created but not started.");
    public static final Rule CWD_ABSOLUTE = new Rule("process.cwd.absolute", Level.ERROR, "config.md#process",
            "process.cwd is an absolute path.");
    public static final Rule ENV_FORMAT = new Rule("process.env.format", Level.ERROR, "config.md#process",
            "process.env entries have the form NAME=value.");
    public static final Rule ENV_DUPLICATE = new Rule("process.env.duplicate", Level.WARNING, "config.md#process",
            "process.env sets each variable once (runtimes differ in which duplicate wins).");
    public static final Rule CONSOLE_WITHOUT_TERMINAL = new Rule("process.consoleSize.without-terminal", Level.INFO,
            "config.md#process", "consoleSize only matters with terminal true; runtimes ignore it otherwise.");
    public static final Rule RLIMIT_TYPE = new Rule("process.rlimits.type.unknown", Level.ERROR,
            "config.md#posix-process", "rlimits types are resource names of the platform's getrlimit (e.g. RLIMIT_NOFILE).");
    public static final Rule RLIMIT_DUPLICATE = new Rule("process.rlimits.duplicate", Level.ERROR,
            "config.md#posix-process", "Each rlimit type appears once.");
    public static final Rule RLIMIT_SOFT_ABOVE_HARD = new Rule("process.rlimits.soft-above-hard", Level.ERROR,
            "config.md#posix-process", "An rlimit's soft value is not above its hard value (setrlimit refuses it).");
    public static final Rule OOM_SCORE_ADJ_RANGE = new Rule("process.oomScoreAdj.range", Level.ERROR,
            "config.md#linux-process", "oomScoreAdj is within the kernel's range [-1000, 1000].");
    public static final Rule UMASK_RANGE = new Rule("process.user.umask.range", Level.WARNING,
            "config.md#posix-platform-user", "umask has no bits beyond 0777 (decimal 511); umask(2) ignores them.");
    public static final Rule CPU_AFFINITY_FORMAT = new Rule("process.execCPUAffinity.format", Level.ERROR,
            "config.md#linux-process", "execCPUAffinity initial and final are CPU lists such as 0-3,7.");

    @Override
    public List<Rule> rules() {
        return List.of(ABSENT, CWD_ABSOLUTE, ENV_FORMAT, ENV_DUPLICATE, CONSOLE_WITHOUT_TERMINAL, RLIMIT_TYPE,
                RLIMIT_DUPLICATE, RLIMIT_SOFT_ABOVE_HARD, OOM_SCORE_ADJ_RANGE, UMASK_RANGE, CPU_AFFINITY_FORMAT);
    }

    @Override
    public void check(CheckContext ctx) {
        Nodes.At process = ctx.root().get("process");
        if (!process.present()) {
            if (ctx.rootNode().isObject()) {
                ctx.report(ABSENT, "", "no process: runtimes can create this container but not start it");
            }
            return;
        }
        String cwd = process.get("cwd").text();
        if (cwd != null && !Paths.isAbsolute(cwd, ctx.platform())) {
            ctx.report(CWD_ABSOLUTE, process.get("cwd").pointer(), "cwd " + Messages.quote(cwd) + " is not an absolute path");
        }
        checkEnv(ctx, process.get("env"));
        if (process.get("consoleSize").present() && !process.get("terminal").isTrue()) {
            ctx.report(CONSOLE_WITHOUT_TERMINAL, process.get("consoleSize").pointer(),
                    "consoleSize is set but terminal is not true, so runtimes ignore it");
        }
        checkRlimits(ctx, process.get("rlimits"));
        Long oom = process.get("oomScoreAdj").longValue();
        if (oom != null && (oom < -1000 || oom > 1000)) {
            ctx.report(OOM_SCORE_ADJ_RANGE, process.get("oomScoreAdj").pointer(),
                    "oomScoreAdj " + oom + " is outside [-1000, 1000]; the kernel refuses it");
        }
        Long umask = process.get("user").get("umask").longValue();
        if (umask != null && umask > 0777) {
            ctx.report(UMASK_RANGE, process.get("user").get("umask").pointer(), "umask " + umask + " (octal "
                    + Long.toOctalString(umask) + ") has bits beyond 0777 that umask(2) ignores; note that it is decimal");
        }
        for (String field : List.of("initial", "final")) {
            Nodes.At list = process.get("execCPUAffinity").get(field);
            String problem = list.text() == null ? null : Paths.cpuListProblem(list.text());
            if (problem != null) {
                ctx.report(CPU_AFFINITY_FORMAT, list.pointer(), "execCPUAffinity." + field + " "
                        + Messages.quote(list.text()) + " " + problem);
            }
        }
    }

    private static void checkEnv(CheckContext ctx, Nodes.At env) {
        Map<String, String> seen = new HashMap<>();
        for (Nodes.At entry : env.elements()) {
            String e = entry.text();
            if (e == null) {
                continue;
            }
            String problem = Env.problem(e);
            if (problem != null) {
                ctx.report(ENV_FORMAT, entry.pointer(), "env entry " + Messages.quote(e) + " " + problem);
                continue;
            }
            String name = e.substring(0, e.indexOf('='));
            String first = seen.putIfAbsent(name, entry.pointer());
            if (first != null) {
                ctx.report(ENV_DUPLICATE, entry.pointer(), "env sets " + Messages.clip(name) + " again (first at " + first + ")");
            }
        }
    }

    private static void checkRlimits(CheckContext ctx, Nodes.At rlimits) {
        Set<String> known = switch (ctx.platform()) {
            case LINUX -> LINUX_RLIMITS;
            case SOLARIS -> SOLARIS_RLIMITS;
            default -> null; // other platforms: their getrlimit names are not ours to list
        };
        Map<String, String> seen = new HashMap<>();
        for (Nodes.At rlimit : rlimits.elements()) {
            Nodes.At type = rlimit.get("type");
            String name = type.text();
            if (name != null) {
                if (known != null && !known.contains(name)) {
                    ctx.report(RLIMIT_TYPE, type.pointer(), "rlimit type " + Messages.quote(name) + " is not a "
                            + ctx.platform().name().toLowerCase(java.util.Locale.ROOT) + " resource limit" + Spelling.didYouMean(name, known));
                }
                String first = seen.putIfAbsent(name, type.pointer());
                if (first != null) {
                    ctx.report(RLIMIT_DUPLICATE, type.pointer(), "rlimit " + Messages.clip(name)
                            + " is set again (first at " + first + "); runtimes must refuse duplicates");
                }
            }
            var soft = rlimit.get("soft").node();
            var hard = rlimit.get("hard").node();
            if (soft != null && hard != null && soft.isIntegralNumber() && hard.isIntegralNumber()
                    && soft.bigIntegerValue().compareTo(hard.bigIntegerValue()) > 0) {
                ctx.report(RLIMIT_SOFT_ABOVE_HARD, rlimit.get("soft").pointer(), "soft limit " + soft.bigIntegerValue()
                        + " is above the hard limit " + hard.bigIntegerValue());
            }
        }
    }
}
