package dev.ocitk.conformance.lifecycle;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;

import java.util.Optional;

import static dev.ocitk.conformance.bundle.Shell.mark;
import static dev.ocitk.conformance.bundle.Shell.awaitRelease;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/** The create operation (runtime.md#create) and lifecycle step 2 (runtime.md#lifecycle). */
class CreateIT {

    @ConformanceTest
    @Requirement({"runtime.status.created-after-create", "runtime.lifecycle.program-not-run-at-create"})
    void createdContainerHasNotRunTheProgram(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh(mark("ran") + "; " + awaitRelease())).build();

        Container container = runtime.create(bundle);

        assertThat(container.status()).as("status right after create").isEqualTo("created");
        assertThat(bundle.out("ran")).as("mark the program leaves when it runs, read after create").isEmpty();

        // The same mark appears once the program is started: the probe above could have seen it.
        container.start();
        Await.until("the program to leave its mark after start", () -> bundle.out("ran"), Optional::isPresent);
        bundle.release();
        container.awaitStatus("stopped");
        container.delete();
    }
}
