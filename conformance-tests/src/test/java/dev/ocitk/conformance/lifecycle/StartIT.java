package dev.ocitk.conformance.lifecycle;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.ConformanceTest;
import org.junit.jupiter.api.Tag;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.runtime.CommandResult;
import dev.ocitk.conformance.runtime.ContainerState;
import dev.ocitk.conformance.runtime.Stdio;

import java.util.List;
import java.util.Optional;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static dev.ocitk.conformance.bundle.Shell.awaitRelease;
import static dev.ocitk.conformance.bundle.Shell.mark;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/** The start operation (runtime.md#start). */
@Tag("lifecycle")
class StartIT {

    @ConformanceTest
    @Requirement("runtime.start.missing-id-error")
    void startWithoutIdIsAnError(RuntimeUnderTest runtime) {
        assertError(runtime.client().call(List.of("start"), Stdio.captured()), "start without a container ID");
    }

    @ConformanceTest
    @Requirement({"runtime.start.runs-program", "runtime.status.running-after-start"})
    void startRunsTheProgram(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle()
                .args("/bin/sh", "-c", "echo \"$0 $1\" > /ocitk/out/args; " + awaitRelease(), "first", "second").build();
        Container container = runtime.create(bundle);

        container.start();

        assertThat(bundle.awaitOut("args")).as("arguments the program saw").isEqualTo("first second\n");
        assertThat(container.status()).as("status while the program waits").isEqualTo("running");
        bundle.release();
        container.awaitStatus("stopped");
    }

    @ConformanceTest
    @Requirement("runtime.start.not-created-error")
    void startOfRunningContainerIsAnErrorWithoutEffect(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh(mark("runs") + "; " + awaitRelease())).build();
        Container container = runtime.create(bundle);
        container.start();
        Await.until("the program to run", () -> bundle.out("runs"), Optional::isPresent);
        long pid = container.pid();

        assertError(container.tryStart(), "start of a running container");

        ContainerState after = container.state();
        assertThat(after.status()).as("status after the refused start").contains("running");
        assertThat(after.pid()).as("pid after the refused start").hasValue(pid);
        bundle.release();
        container.awaitStatus("stopped");
        assertThat(bundle.outLines("runs")).as("times the program ran").hasSize(1);
    }

    @ConformanceTest
    @Requirement("runtime.start.not-created-error")
    void startOfStoppedContainerIsAnErrorWithoutEffect(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh(mark("runs") + "; " + awaitRelease())).build();
        Container container = runtime.create(bundle);
        container.start();
        bundle.release();
        container.awaitStatus("stopped");
        // A program started again would block here instead of exiting, so a second run shows in the status.
        bundle.resetRelease();

        assertError(container.tryStart(), "start of a stopped container");

        assertThat(container.status()).as("status after the refused start").isEqualTo("stopped");
        assertThat(bundle.outLines("runs")).as("times the program ran").hasSize(1);
    }

    @ConformanceTest
    @Requirement("runtime.start.not-created-error")
    void startOfUnknownContainerIsAnError(RuntimeUnderTest runtime) {
        String neverCreated = runtime.newId();

        assertError(runtime.start(neverCreated), "start of a container that was never created");
        assertError(runtime.state(neverCreated), "state after the refused start");
    }

    @ConformanceTest
    @Requirement("runtime.start.no-process-error")
    void startWithoutProcessIsAnError(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().noProcess().build();

        CommandResult create = runtime.tryCreate(bundle);
        if (!create.succeeded()) {
            // Refusing at create also keeps the program from ever starting; the spec leaves create's choice open.
            runtime.observe("create-without-process", "refused at create: " + create.stderr().strip());
            assertThat(runtime.leftoversOf(bundle.containerId(), bundle)).as("what the refused create left").isEmpty();
            return;
        }
        runtime.observe("create-without-process", "accepted at create");
        Container container = runtime.container(bundle.containerId(), bundle);

        assertError(container.tryStart(), "start of a container whose config has no process");
        assertThat(container.status()).as("status after the refused start").isEqualTo("created");
    }
}
