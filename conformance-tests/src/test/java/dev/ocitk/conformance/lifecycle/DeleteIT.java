package dev.ocitk.conformance.lifecycle;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.ConformanceTest;
import org.junit.jupiter.api.Tag;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.Mount;
import dev.ocitk.conformance.host.ProcessFacts;
import dev.ocitk.conformance.runtime.ContainerState;
import dev.ocitk.conformance.runtime.Stdio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static dev.ocitk.conformance.bundle.Shell.awaitRelease;
import static dev.ocitk.conformance.bundle.Shell.mark;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/** The delete operation (runtime.md#delete). */
@Tag("lifecycle")
class DeleteIT {

    @ConformanceTest
    @Requirement("runtime.delete.missing-id-error")
    void deleteWithoutIdIsAnError(RuntimeUnderTest runtime) {
        assertError(runtime.client().call(List.of("delete"), Stdio.captured()), "delete without a container ID");
    }

    @ConformanceTest
    @Requirement("runtime.delete.removes-resources")
    void deleteOfStoppedContainerRemovesItAndWhatCreateMade(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh("exit 0")).build();
        Container container = runtime.create(bundle);
        container.start();
        container.awaitStatus("stopped");

        container.delete();

        container.assertGone();
        assertThat(runtime.leftoversOf(container.id(), bundle)).as("what the deleted container left").isEmpty();
    }

    @ConformanceTest
    @Requirement("runtime.delete.not-stopped-error")
    void deleteOfCreatedContainerIsAnErrorWithoutEffect(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh(mark("ran") + "; " + awaitRelease())).build();
        Container container = runtime.create(bundle);
        ContainerState before = container.state();

        assertError(container.tryDelete(), "delete of a created container");

        ContainerState after = container.state();
        assertThat(after.status()).as("status after the refused delete").contains("created");
        assertThat(after.pid()).as("pid after the refused delete").isEqualTo(before.pid());
        // Still usable: start runs the program.
        container.start();
        Await.until("the program to run after the refused delete", () -> bundle.out("ran"), Optional::isPresent);
        bundle.release();
        container.awaitStatus("stopped");
    }

    @ConformanceTest
    @Requirement("runtime.delete.not-stopped-error")
    void deleteOfRunningContainerIsAnErrorWithoutEffect(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh(mark("ran") + "; " + awaitRelease())).build();
        Container container = runtime.create(bundle);
        container.start();
        Await.until("the program to run", () -> bundle.out("ran"), Optional::isPresent);
        long pid = container.pid();
        ProcessFacts.Identity process = ProcessFacts.identify(pid).orElseThrow();

        assertError(container.tryDelete(), "delete of a running container");

        assertThat(container.status()).as("status after the refused delete").isEqualTo("running");
        assertThat(process.isAlive()).as("container process %d alive after the refused delete", pid).isTrue();
        bundle.release();
        container.awaitStatus("stopped");
    }

    @ConformanceTest
    @Requirement("runtime.delete.not-stopped-error")
    void deleteOfUnknownContainerIsAnError(RuntimeUnderTest runtime) {
        assertError(runtime.delete(runtime.newId()), "delete of a container that was never created");
    }

    @ConformanceTest
    @Requirement("runtime.delete.keeps-foreign-resources")
    void deleteLeavesBindMountedHostFilesAndOtherContainersAlone(RuntimeUnderTest runtime) throws IOException {
        Path shared = Files.createDirectories(runtime.scratchDir().resolve("shared"));
        Files.writeString(shared.resolve("host-file"), "from the host\n");
        Bundle writer = runtime.bundle().args(sh("echo from the container > /shared/container-file"))
                .mount(Mount.bind(shared, "/shared")).build();
        Bundle neighbour = runtime.bundle().args(sh(awaitRelease())).build();
        Container other = runtime.create(neighbour);
        other.start();
        Container container = runtime.create(writer);
        container.start();
        container.awaitStatus("stopped");

        container.delete();

        assertThat(shared.resolve("host-file")).as("host file in the bind-mounted directory").hasContent("from the host");
        assertThat(shared.resolve("container-file")).as("file the container wrote to the host directory")
                .hasContent("from the container");
        assertThat(other.status()).as("status of another container").isEqualTo("running");
        neighbour.release();
        other.awaitStatus("stopped");
    }

    @ConformanceTest
    @Requirement("runtime.delete.id-reusable")
    void idOfDeletedContainerCanBeUsedAgain(RuntimeUnderTest runtime) {
        Bundle first = runtime.bundle().args(sh("exit 0")).build();
        Container container = runtime.create(first);
        container.start();
        container.awaitStatus("stopped");
        container.delete();
        Bundle second = runtime.bundle().args(sh(mark("second"))).build();

        Container again = runtime.create(container.id(), second);

        assertThat(again.state().bundle().map(Path::of)).as("bundle of the new container with the old ID")
                .hasValueSatisfying(p -> assertThat(p).isEqualTo(second.dir()));
        again.start();
        again.awaitStatus("stopped");
        assertThat(second.out("second")).as("mark of the new container's program").isPresent();
    }
}
