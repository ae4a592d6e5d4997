package dev.ocitk.conformance.process;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.LaunchEnvironment;
import dev.ocitk.conformance.linux.support.ProcFs;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;

/** noNewPrivileges and oomScoreAdj (config.md#linux-process), read from the container process's /proc files. */
@Tag("process")
class ProcessFlagsIT {

    @ConformanceTest
    @Requirement("process.no-new-privileges")
    void noNewPrivilegesSetsTheFlagAndItsAbsenceDoesNot(RuntimeUnderTest runtime) {
        assertThat(ProcFs.self().status("NoNewPrivs")).as("the harness's own flag (inherited by the runtime)").isEqualTo("0");

        assertThat(noNewPrivsOfProgram(runtime, true)).as("NoNewPrivs with noNewPrivileges true").isEqualTo("1");
        assertThat(noNewPrivsOfProgram(runtime, false)).as("NoNewPrivs with noNewPrivileges false").isEqualTo("0");
    }

    private static String noNewPrivsOfProgram(RuntimeUnderTest runtime, boolean noNewPrivileges) {
        Bundle bundle = runtime.bundle().noNewPrivileges(noNewPrivileges).args(Programs.waiting()).build();
        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        String flag = ProcFs.of(container.pid()).status("NoNewPrivs");
        Programs.finish(container);
        return flag;
    }

    @ConformanceTest
    @Requirement("process.oom-score-adj.set")
    void oomScoreAdjIsTheProgramsScoreAdjustment(RuntimeUnderTest runtime) {
        // Raised above the caller's value: lowering it would need CAP_SYS_RESOURCE, which root may lack here.
        int wanted = ProcFs.self().oomScoreAdj() + 321;
        Bundle bundle = runtime.bundle().args(Programs.waiting())
                .edit(c -> c.withObjectProperty("process").put("oomScoreAdj", wanted)).build();

        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        int seen = ProcFs.of(container.pid()).oomScoreAdj();
        Programs.finish(container);

        assertThat(seen).as("oom_score_adj of the container process").isEqualTo(wanted);
    }

    @ConformanceTest
    @Requirement("process.oom-score-adj.unchanged")
    void withoutOomScoreAdjTheCallersValueIsKept(RuntimeUnderTest runtime) {
        // The runtime is started with a value of its own, so a runtime that writes any default is caught.
        int callers = ProcFs.self().oomScoreAdj() + 7;
        Bundle bundle = runtime.bundle().args(Programs.waiting()).build();

        Container container = Programs.startAndAwaitRunning(new LaunchEnvironment().oomScoreAdj(callers).create(runtime, bundle));
        int seen = ProcFs.of(container.pid()).oomScoreAdj();
        Programs.finish(container);

        assertThat(seen).as("oom_score_adj of the container process; its runtime was started with %d", callers)
                .isEqualTo(callers);
    }
}
