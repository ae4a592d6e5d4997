package dev.ocitk.conformance.lifecycle;

import dev.ocitk.conformance.ConformanceTest;
import org.junit.jupiter.api.Tag;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;

import static dev.ocitk.conformance.bundle.Shell.awaitRelease;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/** The status at every step of the lifecycle (runtime.md#lifecycle, runtime.md#state). */
@Tag("lifecycle")
class StatusWalkIT {

    @ConformanceTest
    @Requirement({"runtime.status.created-after-create", "runtime.status.running-after-start",
            "runtime.status.stopped-after-exit", "runtime.state.unknown-id-error"})
    void statusFollowsTheLifecycle(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh(awaitRelease())).build();

        Container container = runtime.create(bundle);
        assertThat(container.status()).as("after create").isEqualTo("created");

        container.start();
        assertThat(container.status()).as("after start, program still waiting").isEqualTo("running");

        bundle.release();
        container.awaitStatus("stopped");

        container.delete();
        container.assertGone();
    }
}
