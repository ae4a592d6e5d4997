package dev.ocitk.conformance.hooks;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.BundleBuilder;
import dev.ocitk.conformance.bundle.Hook;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static dev.ocitk.conformance.bundle.Shell.awaitRelease;
import static dev.ocitk.conformance.bundle.Shell.sh;

/**
 * A container taken through the whole lifecycle (create, start, program exit, delete) with one recording hook of
 * every kind, plus the facts about the container process the hooks' evidence is compared with, taken while it ran.
 *
 * @param hostPid          the container process's pid as the runtime (and this JVM) sees it, from state
 * @param pidInContainer   the same process's pid in its own pid namespace
 * @param containerNs      the container process's namespaces
 */
record RecordedLifecycle(HookEvidence evidence, Bundle bundle, String containerId, long hostPid, long pidInContainer,
                         Map<String, String> containerNs) {

    /** Runs the lifecycle with one hook per kind made by {@code hookFor} (a recorder, possibly with extra args). */
    static RecordedLifecycle run(RuntimeUnderTest runtime, BiFunction<HookEvidence, Hook.Kind, Hook> hookFor) {
        HookEvidence evidence = new HookEvidence(runtime);
        BundleBuilder builder = runtime.bundle().mount(evidence.mount())
                .args(sh(HookEvidence.programMark() + "; " + awaitRelease()));
        for (Hook.Kind kind : Hook.Kind.values()) builder.hook(kind, hookFor.apply(evidence, kind));
        Bundle bundle = builder.build();
        Container container = runtime.create(bundle);
        long hostPid = container.pid();
        long pidInContainer = Namespaces.pidInOwnNamespace(hostPid);
        Map<String, String> containerNs = Namespaces.ofProcess(hostPid);
        container.start();
        Await.until("the program to write to the hook log", evidence::log, l -> l.contains("program"));
        bundle.release();
        container.awaitStatus("stopped");
        container.delete();
        return new RecordedLifecycle(evidence, bundle, bundle.containerId(), hostPid, pidInContainer, containerNs);
    }

    static RecordedLifecycle run(RuntimeUnderTest runtime) {
        return run(runtime, (evidence, kind) -> evidence.recorder(kind, 0));
    }

    HookEvidence.Record record(Hook.Kind kind) {
        return evidence.record(kind, 0);
    }

    List<HookEvidence.Record> records(Hook.Kind... kinds) {
        return java.util.Arrays.stream(kinds).map(this::record).toList();
    }
}
