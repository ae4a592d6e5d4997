package dev.ocitk.conformance.hooks;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.Hook;
import dev.ocitk.conformance.runtime.CommandResult;
import org.junit.jupiter.api.Tag;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static dev.ocitk.conformance.bundle.Hook.Kind.CREATE_CONTAINER;
import static dev.ocitk.conformance.bundle.Hook.Kind.CREATE_RUNTIME;
import static dev.ocitk.conformance.bundle.Hook.Kind.POSTSTART;
import static dev.ocitk.conformance.bundle.Hook.Kind.POSTSTOP;
import static dev.ocitk.conformance.bundle.Hook.Kind.PRESTART;
import static dev.ocitk.conformance.bundle.Hook.Kind.START_CONTAINER;
import static dev.ocitk.conformance.bundle.Shell.awaitRelease;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failing hook does to the lifecycle (runtime.md#lifecycle). A prestart, createRuntime, createContainer,
 * startContainer or (from 1.3.0) poststart hook that fails makes its operation an error, the container is stopped
 * and destroyed, and the lifecycle goes on at the destroy step, so poststop hooks still run. A failing poststop
 * hook is only a warning. One test per kind, because each kind's rule has its own spec version.
 *
 * <p>The failing hook is the second of its kind; the first records normally, and one recording poststop hook shows
 * whether the lifecycle reached poststop.
 */
@Tag("hooks")
class HookFailureIT {

    private static final int FAILURE_STATUS = 7;

    @ConformanceTest
    @Requirement({"hooks.prestart.failure-error", "hooks.prestart.failure-destroys", "hooks.prestart.failure-poststop"})
    void failingPrestartHookFailsCreateDestroysTheContainerAndRunsPoststop(RuntimeUnderTest runtime) {
        failingCreateHook(runtime, PRESTART);
    }

    @ConformanceTest
    @Requirement({"hooks.create-runtime.failure-error", "hooks.create-runtime.failure-destroys",
            "hooks.create-runtime.failure-poststop"})
    void failingCreateRuntimeHookFailsCreateDestroysTheContainerAndRunsPoststop(RuntimeUnderTest runtime) {
        failingCreateHook(runtime, CREATE_RUNTIME);
    }

    @ConformanceTest
    @Requirement({"hooks.create-container.failure-error", "hooks.create-container.failure-destroys",
            "hooks.create-container.failure-poststop"})
    void failingCreateContainerHookFailsCreateDestroysTheContainerAndRunsPoststop(RuntimeUnderTest runtime) {
        failingCreateHook(runtime, CREATE_CONTAINER);
    }

    @ConformanceTest
    @Requirement({"hooks.start-container.failure-error", "hooks.start-container.failure-destroys",
            "hooks.start-container.failure-poststop"})
    void failingStartContainerHookFailsStartDestroysTheContainerAndRunsPoststop(RuntimeUnderTest runtime) {
        HookEvidence evidence = new HookEvidence(runtime);
        Bundle bundle = bundleWithFailing(runtime, evidence, START_CONTAINER);
        Container container = runtime.create(bundle);

        CommandResult start = container.tryStart();

        assertError(start, "start with a failing startContainer hook");
        assertThat(evidence.log()).as("hook log").contains(failingLine(START_CONTAINER));
        assertDestroyed(runtime, evidence, bundle, "start");
        assertThat(evidence.log()).as("hook log: the program must not run after a startContainer hook failed")
                .doesNotContain("program");
        assertPoststopRan(evidence, START_CONTAINER);
    }

    @ConformanceTest
    @Requirement({"hooks.poststart.failure-error", "hooks.poststart.failure-destroys",
            "hooks.poststart.failure-poststop"})
    void failingPoststartHookFailsStartDestroysTheContainerAndRunsPoststop(RuntimeUnderTest runtime) {
        HookEvidence evidence = new HookEvidence(runtime);
        Bundle bundle = bundleWithFailing(runtime, evidence, POSTSTART);
        Container container = runtime.create(bundle);

        CommandResult start = container.tryStart();

        assertError(start, "start with a failing poststart hook");
        assertThat(evidence.log()).as("hook log").contains(failingLine(POSTSTART));
        assertDestroyed(runtime, evidence, bundle, "start");
        assertPoststopRan(evidence, POSTSTART);
    }

    @ConformanceTest
    @Requirement("hooks.poststop.failure-warning")
    void failingPoststopHookIsOnlyAWarning(RuntimeUnderTest runtime) {
        HookEvidence evidence = new HookEvidence(runtime);
        Bundle bundle = runtime.bundle().mount(evidence.mount()).args(sh(awaitRelease()))
                .hook(POSTSTOP, evidence.recorder(POSTSTOP, 0))
                .hook(POSTSTOP, evidence.failing(POSTSTOP, 1, FAILURE_STATUS))
                .hook(POSTSTOP, evidence.recorder(POSTSTOP, 2)).build();
        Container container = runtime.create(bundle);
        container.start();
        bundle.release();
        container.awaitStatus("stopped");

        container.delete();

        assertThat(evidence.logOf(POSTSTOP)).as("poststop hooks that ran: the one after the failing hook runs too")
                .containsExactly("poststop 0", failingLine(POSTSTOP), "poststop 2");
        container.assertGone();
    }

    private static void failingCreateHook(RuntimeUnderTest runtime, Hook.Kind kind) {
        HookEvidence evidence = new HookEvidence(runtime);
        Bundle bundle = bundleWithFailing(runtime, evidence, kind);

        CommandResult create = runtime.tryCreate(bundle);

        assertError(create, "create with a failing " + kind.jsonName() + " hook");
        assertThat(evidence.log()).as("hook log").contains(failingLine(kind));
        assertDestroyed(runtime, evidence, bundle, "create");
        assertPoststopRan(evidence, kind);
    }

    /**
     * A bundle whose hooks of {@code kind} are a recorder and then a failing hook, with one recording poststop hook
     * (or none when {@code kind} is poststop). The program marks the log and waits, so it cannot exit by itself.
     */
    private static Bundle bundleWithFailing(RuntimeUnderTest runtime, HookEvidence evidence, Hook.Kind kind) {
        return runtime.bundle().mount(evidence.mount())
                .args(sh(HookEvidence.programMark() + "; " + awaitRelease()))
                .hook(kind, evidence.recorder(kind, 0))
                .hook(kind, evidence.failing(kind, 1, FAILURE_STATUS))
                .hook(POSTSTOP, evidence.recorder(POSTSTOP, 0))
                .build();
    }

    private static String failingLine(Hook.Kind kind) {
        return kind.jsonName() + " 1 failing";
    }

    /** The container no longer exists: state is an error and nothing of it is left on the host. */
    private static void assertDestroyed(RuntimeUnderTest runtime, HookEvidence evidence, Bundle bundle, String op) {
        String id = bundle.containerId();
        assertError(runtime.state(id), "state after the " + op + " whose hook failed: the container must be"
                + " destroyed (hook log " + evidence.log() + ")");
        assertThat(runtime.leftoversOf(id, bundle)).as("what the container left after the %s whose hook failed", op)
                .isEmpty();
    }

    private static void assertPoststopRan(HookEvidence evidence, Hook.Kind failed) {
        // The error has been reported by now; poststop hooks belong to the same lifecycle run and are not awaited.
        assertThat(evidence.logOf(POSTSTOP)).as("poststop hooks that ran after a %s hook failed (the lifecycle"
                + " continues at destroy, then poststop; hook log %s)", failed.jsonName(), evidence.log())
                .containsExactly("poststop 0");
    }
}
