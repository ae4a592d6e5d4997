package dev.ocitk.conformance;

import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.runtime.CommandResult;
import dev.ocitk.conformance.runtime.ContainerState;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static dev.ocitk.conformance.RuntimeAssertions.assertSucceeded;

/**
 * A container a test made through {@link RuntimeUnderTest}, by ID and bundle. Methods without a {@code try}
 * prefix fail the test (quoting the call) when the runtime reports an error; {@code try*} methods return the raw
 * result for tests about errors. Every PID seen in state is recorded for the leak check.
 */
public final class Container {

    private final RuntimeUnderTest runtime;
    private final String id;
    private final Bundle bundle;

    Container(RuntimeUnderTest runtime, String id, Bundle bundle) {
        this.runtime = runtime;
        this.id = id;
        this.bundle = bundle;
    }

    public String id() {
        return id;
    }

    public Bundle bundle() {
        return bundle;
    }

    // ---- state -------------------------------------------------------------------------------------------------

    public CommandResult tryState() {
        return runtime.state(id);
    }

    /** Queries and parses the state; fails the test if the call errs or does not print a JSON object. */
    public ContainerState state() {
        CommandResult r = assertSucceeded(tryState(), "state of " + id);
        return runtime.parseState(r);
    }

    /** The status in the state, failing the test when it is missing. */
    public String status() {
        ContainerState s = state();
        return s.status().orElseThrow(() -> new AssertionError("state of " + id + " has no string 'status': " + s));
    }

    /** The pid in the state, failing the test when it is missing. */
    public long pid() {
        ContainerState s = state();
        OptionalLong pid = s.pid();
        if (pid.isEmpty()) throw new AssertionError("state of " + id + " has no integer 'pid': " + s);
        return pid.getAsLong();
    }

    /** The PID the runtime wrote to the bundle's pid file at create, if it wrote one. */
    public OptionalLong pidFromPidFile() {
        try {
            if (!Files.exists(bundle.pidFile())) return OptionalLong.empty();
            String text = Files.readString(bundle.pidFile()).trim();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Polls state until its status is {@code status}; fails with the last state seen after the deadline. */
    public ContainerState awaitStatus(String status) {
        return awaitStatus(status, Await.DEFAULT_TIMEOUT);
    }

    public ContainerState awaitStatus(String status, Duration timeout) {
        StateProbe last = Await.until("container " + id + " to reach status '" + status + "'", timeout,
                this::probe, p -> p.state.flatMap(ContainerState::status).filter(status::equals).isPresent());
        return last.state.orElseThrow();
    }

    private StateProbe probe() {
        CommandResult r = tryState();
        if (!r.succeeded()) return new StateProbe(Optional.empty(), r);
        try {
            return new StateProbe(Optional.of(runtime.parseState(r)), r);
        } catch (AssertionError notJson) {
            return new StateProbe(Optional.empty(), r);
        }
    }

    private record StateProbe(Optional<ContainerState> state, CommandResult call) {
        @Override
        public String toString() {
            return state.map(ContainerState::toString).orElse(call.describe());
        }
    }

    // ---- operations ------------------------------------------------------------------------------------------

    public CommandResult tryStart() {
        return runtime.start(id);
    }

    public void start() {
        assertSucceeded(tryStart(), "start of " + id);
    }

    /** {@code kill ID SIGNAL}; {@code signal} in any form the runtime accepts ({@code TERM}, {@code SIGTERM}, {@code 15}). */
    public CommandResult tryKill(String signal) {
        return runtime.kill(id, Optional.of(signal));
    }

    /** {@code kill ID} without a signal, leaving the choice to the runtime's default. */
    public CommandResult tryKillWithDefaultSignal() {
        return runtime.kill(id, Optional.empty());
    }

    public void kill(String signal) {
        assertSucceeded(tryKill(signal), "kill " + signal + " of " + id);
    }

    public CommandResult tryDelete() {
        return runtime.delete(id);
    }

    public void delete() {
        assertSucceeded(tryDelete(), "delete of " + id);
    }

    /** Asserts that {@code state} now reports an error: the container does not exist for the runtime. */
    public void assertGone() {
        assertError(tryState(), "state of deleted container " + id);
    }

    @Override
    public String toString() {
        return "container " + id + " (bundle " + bundle.dir() + ")";
    }
}
