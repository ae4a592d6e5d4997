package dev.ocitk.conformance.lifecycle;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;

/** The query-state operation (runtime.md#query-state) and the state document (runtime.md#state). */
class StateIT {

    @ConformanceTest
    @Requirement("runtime.state.unknown-id-error")
    void stateOfUnknownContainerIsAnError(RuntimeUnderTest runtime) {
        String neverCreated = runtime.newId();

        assertError(runtime.state(neverCreated), "state of a container that was never created");
    }
}
