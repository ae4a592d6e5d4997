package dev.ocitk.conformance.hooks;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.BundleBuilder;
import dev.ocitk.conformance.bundle.Hook;
import org.junit.jupiter.api.Assumptions;

import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ocitk.conformance.bundle.Hook.Kind.CREATE_CONTAINER;
import static dev.ocitk.conformance.bundle.Hook.Kind.CREATE_RUNTIME;
import static dev.ocitk.conformance.bundle.Hook.Kind.POSTSTART;
import static dev.ocitk.conformance.bundle.Hook.Kind.POSTSTOP;
import static dev.ocitk.conformance.bundle.Hook.Kind.PRESTART;
import static dev.ocitk.conformance.bundle.Hook.Kind.START_CONTAINER;
import static dev.ocitk.conformance.bundle.Shell.awaitRelease;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where each hook's path resolves and where the hook runs (config.md#posix-platform-hooks and its summary table):
 * createContainer and startContainer in the container's namespaces, the others in the runtime's; startContainer's
 * path inside the container, all other paths in the runtime namespace. Namespaces are compared by identity
 * ({@code /proc/PID/ns/TYPE}), not by side effects such as the hostname, which a runtime may set later.
 */
@Tag("hooks")
class HookNamespaceIT {

    @ConformanceTest
    @Requirement({"hooks.prestart.exec-namespace", "hooks.create-runtime.exec-namespace",
            "hooks.poststart.exec-namespace", "hooks.poststop.exec-namespace"})
    void runtimeNamespaceHooksRunInTheRuntimesNamespaces(RuntimeUnderTest runtime) {
        RecordedLifecycle run = RecordedLifecycle.run(runtime);
        Map<String, String> runtimeNs = distinguishable(runtime, run);

        for (Hook.Kind kind : List.of(PRESTART, CREATE_RUNTIME, POSTSTART, POSTSTOP)) {
            HookEvidence.Record r = run.record(kind);
            assertThat(r.namespaces()).as("namespaces %s ran in; the runtime's are %s, the container's %s",
                    r.name(), runtimeNs, run.containerNs()).containsAllEntriesOf(runtimeNs);
        }
    }

    @ConformanceTest
    @Requirement({"hooks.create-container.exec-namespace", "hooks.start-container.exec-namespace"})
    void containerNamespaceHooksRunInTheContainersNamespaces(RuntimeUnderTest runtime) {
        RecordedLifecycle run = RecordedLifecycle.run(runtime);
        Map<String, String> runtimeNs = distinguishable(runtime, run);
        Map<String, String> containerNs = new LinkedHashMap<>(run.containerNs());
        containerNs.keySet().retainAll(runtimeNs.keySet());

        for (Hook.Kind kind : List.of(CREATE_CONTAINER, START_CONTAINER)) {
            HookEvidence.Record r = run.record(kind);
            assertThat(r.namespaces()).as("namespaces %s ran in; the container's are %s, the runtime's %s",
                    r.name(), containerNs, runtimeNs).containsAllEntriesOf(containerNs);
        }
    }

    @ConformanceTest
    @Requirement({"hooks.prestart.path-namespace", "hooks.create-runtime.path-namespace",
            "hooks.create-container.path-namespace", "hooks.start-container.path-namespace",
            "hooks.poststart.path-namespace", "hooks.poststop.path-namespace"})
    void hookPathsResolveInTheNamespaceTheSpecNames(RuntimeUnderTest runtime) throws IOException {
        // One absolute path, two different programs: the host's says "runtime", the rootfs copy says "container".
        HookEvidence evidence = new HookEvidence(runtime);
        Path probe = runtime.scratchDir().resolve("hook-path-probe");
        BundleBuilder builder = runtime.bundle().mount(evidence.mount())
                .args(sh(HookEvidence.programMark() + "; " + awaitRelease()));
        for (Hook.Kind kind : Hook.Kind.values()) {
            builder.hook(kind, Hook.of(probe.toString(), probe.toString(), kind.jsonName(), evidence.dirFor(kind)));
        }
        Bundle bundle = builder.build();
        writeProbe(probe, "runtime");
        writeProbe(bundle.rootfs().resolve(probe.toString().substring(1)), "container");

        Container container = runtime.create(bundle);
        container.start();
        Await.until("the program to write to the hook log", evidence::log, l -> l.contains("program"));
        bundle.release();
        container.awaitStatus("stopped");
        container.delete();

        List<String> resolved = Files.readAllLines(evidence.dir().resolve("resolved"));
        assertThat(resolved).as("which copy of %s each hook kind ran (runtime: the host's, container: the one in"
                + " the container's root)", probe).containsExactlyInAnyOrder(
                "prestart runtime", "createRuntime runtime", "createContainer runtime",
                "startContainer container", "poststart runtime", "poststop runtime");
    }

    /** The runtime's namespaces of the types the container has its own of; aborts if there are none to compare. */
    private static Map<String, String> distinguishable(RuntimeUnderTest runtime, RecordedLifecycle run) {
        Map<String, String> runtimeNs = new LinkedHashMap<>(Namespaces.runtime(runtime));
        runtimeNs.entrySet().removeIf(e -> e.getValue().equals(run.containerNs().get(e.getKey())));
        Assumptions.assumeFalse(runtimeNs.isEmpty(), "the container shares every namespace with the runtime ("
                + run.containerNs() + "), so the namespace a hook ran in cannot be told");
        return runtimeNs;
    }

    private static void writeProbe(Path at, String where) throws IOException {
        Files.createDirectories(at.getParent());
        Files.writeString(at, "#!/bin/busybox sh\ncat > /dev/null\necho \"$1 " + where + "\" >> \"$2/resolved\"\n");
        Files.setAttribute(at, "unix:mode", 0755);
    }
}
