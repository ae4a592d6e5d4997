package dev.ocitk.conformance.hooks;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Hook;
import dev.ocitk.conformance.runtime.ContainerState;
import dev.ocitk.validator.Finding;
import dev.ocitk.validator.Level;

import org.junit.jupiter.api.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ocitk.conformance.bundle.Hook.Kind.CREATE_CONTAINER;
import static dev.ocitk.conformance.bundle.Hook.Kind.CREATE_RUNTIME;
import static dev.ocitk.conformance.bundle.Hook.Kind.POSTSTART;
import static dev.ocitk.conformance.bundle.Hook.Kind.POSTSTOP;
import static dev.ocitk.conformance.bundle.Hook.Kind.PRESTART;
import static dev.ocitk.conformance.bundle.Hook.Kind.START_CONTAINER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state every hook reads on stdin (config.md#posix-platform-hooks, runtime.md#state): one recording hook of each
 * kind through a whole lifecycle; each test judges one aspect of what the six hooks read.
 */
@Tag("hooks")
class HookStateIT {

    @ConformanceTest
    @Requirement("hooks.state.on-stdin")
    void everyHookReadsTheStateWithTheContainersIdAndBundle(RuntimeUnderTest runtime) {
        RecordedLifecycle run = RecordedLifecycle.run(runtime);

        for (Hook.Kind kind : Hook.Kind.values()) {
            HookEvidence.Record r = run.record(kind);
            ContainerState state = r.parsedState();
            assertThat(state.id()).as("id in the state %s read: %s", r.name(), state).contains(run.containerId());
            assertThat(state.bundle()).as("bundle in the state %s read (the absolute bundle path): %s", r.name(), state)
                    .contains(run.bundle().dir().toString());
        }
    }

    @ConformanceTest
    @Requirement("hooks.state.schema")
    void everyHooksStateConformsToTheStateSchema(RuntimeUnderTest runtime) {
        RecordedLifecycle run = RecordedLifecycle.run(runtime);

        List<String> problems = new ArrayList<>();
        for (Hook.Kind kind : Hook.Kind.values()) {
            HookEvidence.Record r = run.record(kind);
            List<Finding> errors = runtime.validateState(r.parsedState().json()).atLeast(Level.ERROR);
            errors.forEach(f -> problems.add(r.name() + ": " + f + "\n    state: " + r.state().strip()));
        }
        assertThat(problems).as("schema errors in the states hooks read").isEmpty();
    }

    @ConformanceTest
    @Requirement({"hooks.state.pid-runtime-namespace", "hooks.state.pid-container-namespace"})
    void statePidIsTheContainerProcessAsSeenFromTheHooksNamespace(RuntimeUnderTest runtime) {
        RecordedLifecycle run = RecordedLifecycle.run(runtime);
        assertThat(run.pidInContainer()).as("the container's own pid namespace renumbers its process")
                .isNotEqualTo(run.hostPid());

        for (Hook.Kind kind : List.of(PRESTART, CREATE_RUNTIME, POSTSTART)) {
            HookEvidence.Record r = run.record(kind);
            assertThat(r.parsedState().pid()).as("pid in the state %s (runtime namespace) read, expected the pid the"
                    + " runtime sees, %d: %s", r.name(), run.hostPid(), r.state().strip()).hasValue(run.hostPid());
        }
        for (Hook.Kind kind : List.of(CREATE_CONTAINER, START_CONTAINER)) {
            HookEvidence.Record r = run.record(kind);
            assertThat(r.parsedState().pid()).as("pid in the state %s (container namespace) read, expected the pid"
                            + " the container sees, %d (host pid %d): %s", r.name(), run.pidInContainer(), run.hostPid(),
                    r.state().strip()).hasValue(run.pidInContainer());
        }
    }

    @ConformanceTest
    @Requirement("hooks.state.status-poststart")
    void poststartHookReadsStatusRunning(RuntimeUnderTest runtime) {
        RecordedLifecycle run = RecordedLifecycle.run(runtime);

        HookEvidence.Record r = run.record(POSTSTART);
        assertThat(r.parsedState().status()).as("status in the state %s read, while the program it follows ran: %s",
                r.name(), r.state().strip()).contains("running");
    }

    @ConformanceTest
    @Requirement("hooks.state.status-other-steps")
    void otherHooksReadTheStatusOfTheirLifecycleStep(RuntimeUnderTest runtime) {
        RecordedLifecycle run = RecordedLifecycle.run(runtime);
        for (Hook.Kind kind : Hook.Kind.values()) {
            runtime.observe("status-in-" + kind.jsonName(), run.record(kind).parsedState().status().orElse("<none>"));
        }

        Map<Hook.Kind, Set<String>> expected = Map.of(
                PRESTART, Set.of("creating", "created"),
                CREATE_RUNTIME, Set.of("creating", "created"),
                CREATE_CONTAINER, Set.of("creating", "created"),
                START_CONTAINER, Set.of("created"),
                POSTSTOP, Set.of("stopped"));
        for (Hook.Kind kind : List.of(PRESTART, CREATE_RUNTIME, CREATE_CONTAINER, START_CONTAINER, POSTSTOP)) {
            HookEvidence.Record r = run.record(kind);
            assertThat(r.parsedState().status()).as("status in the state %s read: %s", r.name(), r.state().strip())
                    .hasValueSatisfying(s -> assertThat(expected.get(kind)).contains(s));
        }
    }
}
