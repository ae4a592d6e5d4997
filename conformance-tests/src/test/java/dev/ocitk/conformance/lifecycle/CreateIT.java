package dev.ocitk.conformance.lifecycle;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.ConformanceTest;
import org.junit.jupiter.api.Tag;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.Mount;
import dev.ocitk.conformance.junit.ConformanceExtension;
import dev.ocitk.conformance.runtime.CommandResult;
import dev.ocitk.conformance.runtime.ContainerState;
import dev.ocitk.conformance.runtime.Stdio;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static dev.ocitk.conformance.bundle.Shell.awaitRelease;
import static dev.ocitk.conformance.bundle.Shell.mark;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/** The create operation (runtime.md#create) and lifecycle step 2 (runtime.md#lifecycle). */
@Tag("lifecycle")
@ExtendWith(ConformanceExtension.class)
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

    @ConformanceTest
    @Requirement({"runtime.create.missing-id-error", "runtime.errors.no-side-effects"})
    void createWithoutIdIsAnError(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh(mark("ran"))).build();

        assertError(runtime.client().call(List.of("create", "--bundle", bundle.dir().toString()), Stdio.captured()),
                "create without a container ID");

        assertThat(runtime.leftoversOf(bundle.containerId(), bundle)).as("what the failed create left").isEmpty();
        assertThat(bundle.out("ran")).as("mark of the bundle's program").isEmpty();
    }

    @ConformanceTest
    @Requirement({"runtime.create.duplicate-id-error", "runtime.errors.no-side-effects"})
    void createWithDuplicateIdIsAnErrorAndLeavesTheFirstContainerAlone(RuntimeUnderTest runtime) {
        Bundle first = runtime.bundle().args(sh(mark("first") + "; " + awaitRelease())).build();
        Bundle second = runtime.bundle().args(sh(mark("second"))).build();
        Container container = runtime.create(first);
        ContainerState before = container.state();

        assertError(runtime.tryCreate(container.id(), second), "create with the ID of an existing container");

        ContainerState after = container.state();
        assertThat(after.status()).as("status of the first container").contains("created");
        assertThat(after.pid()).as("pid of the first container").isEqualTo(before.pid());
        assertThat(after.bundle()).as("bundle of the first container").isEqualTo(before.bundle());
        assertThat(runtime.leftoversOf(second)).as("what the refused create left for the second bundle").isEmpty();

        container.start();
        Await.until("the first container's program to run", () -> first.out("first"), Optional::isPresent);
        assertThat(second.out("second")).as("mark of the second bundle's program").isEmpty();
        first.release();
        container.awaitStatus("stopped");
    }

    /** Bundles the runtime cannot make a container from; each must fail create and leave nothing. */
    enum UnusableBundle {
        MISSING_DIRECTORY((runtime, id) -> {
            Bundle b = runtime.bundle().build();
            return new Attempt(b, runtime.tryCreateAt(id, b.dir().resolve("no-such-bundle")));
        }),
        CONFIG_NOT_JSON((runtime, id) -> {
            Bundle b = runtime.bundle().buildWithRawConfig("{ \"ociVersion\": ");
            return new Attempt(b, runtime.tryCreate(id, b));
        }),
        ROOT_PATH_MISSING((runtime, id) -> {
            Bundle b = runtime.bundle().rootPath("no-such-rootfs").args(sh(mark("ran"))).buildUnvalidated();
            return new Attempt(b, runtime.tryCreate(id, b));
        }),
        BIND_SOURCE_MISSING((runtime, id) -> {
            Bundle b = runtime.bundle().args(sh(mark("ran")))
                    .mount(Mount.bind(Path.of("/nonexistent/ocitk/" + id), "/mnt/missing")).buildUnvalidated();
            return new Attempt(b, runtime.tryCreate(id, b));
        }),
        NAMESPACE_PATH_MISSING((runtime, id) -> {
            Bundle b = runtime.bundle().args(sh(mark("ran")))
                    .namespace("network", "/nonexistent/ocitk/" + id + "/net").buildUnvalidated();
            return new Attempt(b, runtime.tryCreate(id, b));
        });

        private final BiFunction<RuntimeUnderTest, String, Attempt> attempt;

        UnusableBundle(BiFunction<RuntimeUnderTest, String, Attempt> attempt) {
            this.attempt = attempt;
        }
    }

    private record Attempt(Bundle bundle, CommandResult result) {
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(UnusableBundle.class)
    @Requirement({"runtime.create.unusable-config-error", "runtime.errors.no-side-effects"})
    void createFromUnusableBundleIsAnErrorAndCreatesNothing(UnusableBundle unusable, RuntimeUnderTest runtime) {
        String id = runtime.newId();

        Attempt attempt = unusable.attempt.apply(runtime, id);

        assertError(attempt.result(), "create from a bundle with " + unusable);
        assertError(runtime.state(id), "state after the failed create");
        assertThat(runtime.leftoversOf(id, attempt.bundle())).as("what the failed create left").isEmpty();
        assertThat(attempt.bundle().out("ran")).as("mark of the bundle's program").isEmpty();
    }

    @ConformanceTest
    @Requirement("runtime.lifecycle.config-changes-ignored")
    void configChangesAfterCreateHaveNoEffect(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle()
                .args(sh("echo original > /ocitk/out/program; echo $OCITK_WHICH > /ocitk/out/env; hostname > /ocitk/out/hostname"))
                .env("OCITK_WHICH=original").hostname("original").build();
        Container container = runtime.create(bundle);

        bundle.rewriteConfig(config -> {
            ObjectNode process = (ObjectNode) config.get("process");
            process.putArray("args").add("/bin/sh").add("-c")
                    .add("echo edited > /ocitk/out/program; echo $OCITK_WHICH > /ocitk/out/env; hostname > /ocitk/out/hostname");
            process.putArray("env").add("PATH=/bin").add("OCITK_WHICH=edited");
            config.put("hostname", "edited");
        });
        container.start();
        container.awaitStatus("stopped");

        assertThat(bundle.out("program")).as("which program ran").contains("original\n");
        assertThat(bundle.out("env")).as("environment of the program").contains("original\n");
        assertThat(bundle.out("hostname")).as("hostname in the container").contains("original\n");
    }
}
