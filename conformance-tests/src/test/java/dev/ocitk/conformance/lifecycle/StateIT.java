package dev.ocitk.conformance.lifecycle;

import dev.ocitk.conformance.ConformanceTest;
import org.junit.jupiter.api.Tag;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.catalogue.SpecVersion;
import dev.ocitk.conformance.host.ProcessFacts;
import dev.ocitk.conformance.runtime.ContainerState;
import dev.ocitk.conformance.runtime.Stdio;
import dev.ocitk.validator.Level;
import dev.ocitk.validator.ValidationReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static dev.ocitk.conformance.bundle.Shell.awaitRelease;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The query-state operation (runtime.md#query-state) and the state document (runtime.md#state). */
@Tag("lifecycle")
class StateIT {

    @ConformanceTest
    @Requirement("runtime.state.missing-id-error")
    void stateWithoutIdIsAnError(RuntimeUnderTest runtime) {
        assertError(runtime.client().call(List.of("state"), Stdio.captured()), "state without a container ID");
    }

    @ConformanceTest
    @Requirement("runtime.state.unknown-id-error")
    void stateOfUnknownContainerIsAnError(RuntimeUnderTest runtime) {
        String neverCreated = runtime.newId();

        assertError(runtime.state(neverCreated), "state of a container that was never created");
    }

    @ConformanceTest
    @Requirement("runtime.state.schema")
    void stateValidatesAgainstTheStateSchemaInEveryStatus(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh(awaitRelease())).annotation("dev.ocitk.test", "schema").build();
        Container container = runtime.create(bundle);

        assertValid(runtime, container.state(), "created");
        container.start();
        assertValid(runtime, container.state(), "running");
        bundle.release();
        assertValid(runtime, container.awaitStatus("stopped"), "stopped");
    }

    private static void assertValid(RuntimeUnderTest runtime, ContainerState state, String when) {
        ValidationReport report = runtime.validateState(state.json());
        assertThat(report.atLeast(Level.ERROR)).as("schema errors in the state while %s:%n%s", when, state).isEmpty();
    }

    @ConformanceTest
    @Requirement({"runtime.state.id", "runtime.state.pid", "runtime.state.bundle", "runtime.state.oci-version"})
    void stateNamesIdPidBundleAndSpecVersion(RuntimeUnderTest runtime) throws IOException {
        Bundle bundle = runtime.bundle().args(sh(awaitRelease())).build();
        Container container = runtime.create(bundle);

        ContainerState created = container.state();
        assertThat(created.id()).as("id in %s", created).contains(container.id());
        assertThat(created.ociVersion()).as("ociVersion in %s", created).isPresent();
        assertThatCode(() -> SpecVersion.parse(created.ociVersion().orElseThrow()))
                .as("ociVersion is SemVer in %s", created).doesNotThrowAnyException();
        assertThat(created.bundle()).as("bundle in %s", created).isPresent();
        Path reported = Path.of(created.bundle().orElseThrow());
        assertThat(reported.isAbsolute()).as("bundle %s is absolute", reported).isTrue();
        assertThat(reported.toRealPath()).as("bundle in state").isEqualTo(bundle.dir().toRealPath());
        assertThat(created.pid()).as("pid while created in %s", created).isPresent();
        long pid = created.pid().getAsLong();
        assertThat(ProcessFacts.stat(pid)).as("host process %d named by the created state", pid).isPresent();

        container.start();
        ContainerState running = container.state();
        assertThat(running.pid()).as("pid while running in %s", running).isPresent();
        long runningPid = running.pid().getAsLong();
        // The pid is the container process as the runtime (host) sees it: the one running the user's program.
        assertThat(cmdline(runningPid)).as("command line of pid %d from the running state", runningPid)
                .contains(awaitRelease());
        bundle.release();
        container.awaitStatus("stopped");
    }

    @ConformanceTest
    @Requirement("runtime.state.annotations")
    void stateCarriesTheConfigAnnotations(RuntimeUnderTest runtime) {
        Map<String, String> annotations = Map.of("dev.ocitk.test.color", "blue", "dev.ocitk.test.id", runtime.newId());
        var builder = runtime.bundle();
        annotations.forEach(builder::annotation);
        Container container = runtime.create(builder.build());

        ContainerState state = container.state();
        assertThat(state.has("annotations")).as("state of a container whose config has annotations: %s", state).isTrue();
        assertThat(state.annotations()).as("annotations in %s", state).containsAllEntriesOf(annotations);
    }

    private static String cmdline(long pid) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
        return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
    }
}
