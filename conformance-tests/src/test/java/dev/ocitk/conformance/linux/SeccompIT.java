package dev.ocitk.conformance.linux;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Tag;

import java.util.function.Consumer;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static dev.ocitk.conformance.bundle.Shell.mark;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * linux.seccomp (config-linux.md#seccomp). The probe is mkdir(2) of a new directory in the writable root: without
 * the filter it succeeds, so the only way for it to fail with the configured errno is the rule. The default action
 * is SCMP_ACT_ALLOW, so the shell and everything else the program needs keep working. mkdir and mkdirat are both
 * named (x86_64 libcs call the first, arm64 has only the second); runtimes skip names the kernel lacks.
 */
@Tag("linux")
class SeccompIT {
    /** EXDEV: an errno mkdir(2) of a new directory in the root file system cannot return by itself. */
    private static final int EXDEV = 18;

    private static Consumer<ObjectNode> seccomp(String defaultAction, String ruleAction, Integer errnoRet,
                                                Integer defaultErrnoRet) {
        return c -> {
            ObjectNode s = c.with("linux").putObject("seccomp");
            s.put("defaultAction", defaultAction);
            if (defaultErrnoRet != null) {
                s.put("defaultErrnoRet", defaultErrnoRet);
            }
            ObjectNode rule = s.putArray("syscalls").addObject();
            rule.putArray("names").add("mkdir").add("mkdirat");
            rule.put("action", ruleAction);
            if (errnoRet != null) {
                rule.put("errnoRet", errnoRet);
            }
        };
    }

    /** Tries mkdir and prints "created" or busybox's error message (which names the errno), then "done". */
    private static final String PROBE = "mkdir /ocitk-seccomp-probe 2>&1 && echo created; echo done";

    /** Runs the probe under a SCMP_ACT_ERRNO rule for mkdir (with {@code errnoRet}, or none) and returns its output. */
    private static String probeUnderErrnoRule(RuntimeUnderTest runtime, Integer errnoRet) {
        Bundle bundle = runtime.bundle().edit(seccomp("SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO", errnoRet, null))
                .args(sh(PROBE)).build();
        return Programs.runToCompletion(runtime, bundle);
    }

    /** create must fail, leave nothing behind and not run the program. */
    private static void assertCreateFailsWithoutTrace(RuntimeUnderTest runtime, Bundle bundle, String what) {
        assertError(runtime.tryCreate(bundle), what);

        assertThat(runtime.leftoversOf(bundle.containerId(), bundle)).as("what the failed create left").isEmpty();
        assertThat(bundle.out("ran")).as("mark of the program").isEmpty();
    }

    @ConformanceTest
    @Requirement("linux.seccomp.rule-applied")
    void aSyscallNamedByAnErrnoRuleFailsWithEperm(RuntimeUnderTest runtime) {
        String out = probeUnderErrnoRule(runtime, null);

        assertThat(out).as("mkdir under a SCMP_ACT_ERRNO rule, then the program's last line")
                .contains("Operation not permitted").doesNotContain("created").endsWith("done\n");
    }

    @ConformanceTest
    @Requirement("linux.seccomp.errno-ret-applied")
    void theRulesErrnoRetIsTheErrorTheSyscallReturns(RuntimeUnderTest runtime) {
        String out = probeUnderErrnoRule(runtime, EXDEV);

        // glibc says "Invalid cross-device link", musl "Cross-device link".
        assertThat(out).as("mkdir under a SCMP_ACT_ERRNO rule with errnoRet %d (EXDEV)", EXDEV)
                .containsIgnoringCase("cross-device link").doesNotContain("created").endsWith("done\n");
    }

    @ConformanceTest
    @Requirement({"linux.seccomp.errno-unsupported-error", "runtime.errors.no-side-effects"})
    void errnoRetOnAnActionWithoutAnErrnoIsAnError(RuntimeUnderTest runtime) {
        // SCMP_ACT_KILL returns no error number; the rule names mkdir, which the program does not reach.
        // Our validator rejects this config too (linux.seccomp.errnoRet.action): built without it.
        Bundle bundle = runtime.bundle().edit(seccomp("SCMP_ACT_ALLOW", "SCMP_ACT_KILL", EXDEV, null))
                .args(sh(mark("ran"))).buildUnvalidated();

        assertCreateFailsWithoutTrace(runtime, bundle, "create with errnoRet on a SCMP_ACT_KILL rule");
    }

    @ConformanceTest
    @Requirement({"linux.seccomp.errno-unsupported-error", "runtime.errors.no-side-effects"})
    void defaultErrnoRetOnADefaultActionWithoutAnErrnoIsAnError(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().edit(seccomp("SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO", null, EXDEV))
                .args(sh(mark("ran"))).buildUnvalidated(); // linux.seccomp.defaultErrnoRet.action

        assertCreateFailsWithoutTrace(runtime, bundle, "create with defaultErrnoRet on a SCMP_ACT_ALLOW default action");
    }
}
