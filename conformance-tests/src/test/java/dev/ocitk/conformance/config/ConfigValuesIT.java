package dev.ocitk.conformance.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.Programs;
import dev.ocitk.conformance.runtime.CommandResult;
import org.junit.jupiter.api.Tag;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static dev.ocitk.conformance.bundle.Shell.mark;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a runtime must ignore and what it must refuse (config.md#extensibility, #annotations, #valid-values). The
 * configs are written without the harness's validator, which flags unknown properties and bad versions itself.
 */
@Tag("config")
class ConfigValuesIT {

    @ConformanceTest
    @Requirement("config.extensibility.unknown-properties-ignored")
    void unknownPropertiesAtEveryLevelAreIgnored(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh(mark("ran"))).edit(c -> {
            c.putObject("dev.ocitk.unknown").put("nested", true).putArray("list").add(1).add("two");
            c.withObjectProperty("process").put("ocitkUnknown", "process level");
            c.withObjectProperty("process").withObjectProperty("user").put("ocitkUnknown", 7);
            c.withObjectProperty("root").put("ocitkUnknown", false);
            ((ObjectNode) c.withArrayProperty("mounts").get(0)).put("ocitkUnknown", "mount level");
            c.withObjectProperty("linux").putObject("ocitkUnknown").put("deeper", "linux level");
            c.withObjectProperty("linux").withObjectProperty("resources").put("ocitkUnknown", 1);
        }).buildUnvalidated();

        assertRunsToCompletion(runtime, bundle, "a config with unknown properties");
    }

    @ConformanceTest
    @Requirement("config.annotations.unknown-keys-ignored")
    void unknownAnnotationKeysAreIgnored(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh(mark("ran")))
                .annotation("dev.ocitk.unknown-key", "value").annotation("com.example.empty", "")
                .annotation("dev.ocitk.json-looking", "{\"a\": [1, 2]}").buildUnvalidated();

        assertRunsToCompletion(runtime, bundle, "a config with unknown annotation keys");
    }

    private static void assertRunsToCompletion(RuntimeUnderTest runtime, Bundle bundle, String what) {
        CommandResult create = runtime.tryCreate(bundle);
        assertThat(create.succeeded()).as("create of %s:%n%s", what, create).isTrue();
        Container container = runtime.container(bundle.containerId(), bundle);
        CommandResult start = container.tryStart();
        assertThat(start.succeeded()).as("start of %s:%n%s", what, start).isTrue();
        container.awaitStatus("stopped");
        assertThat(bundle.outLines("ran")).as("marks of the program of %s", what).hasSize(1);
        container.delete();
    }

    @ConformanceTest
    @Requirement({"config.oci-version.unsupported-major-error", "runtime.errors.no-side-effects"})
    void unsupportedMajorVersionIsAnError(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh(mark("ran"))).edit(c -> c.put("ociVersion", "2.0.0")).buildUnvalidated();

        assertError(runtime.tryCreate(bundle), "create of a config with ociVersion 2.0.0");

        assertThat(runtime.leftoversOf(bundle.containerId(), bundle)).as("what the failed create left").isEmpty();
        assertThat(bundle.out("ran")).as("mark of the program").isEmpty();
    }
}
