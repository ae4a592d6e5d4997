package dev.ocitk.conformance.hooks;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.BundleBuilder;
import dev.ocitk.conformance.bundle.Hook;
import dev.ocitk.conformance.host.CgroupHierarchies;
import dev.ocitk.conformance.host.Mountinfo;
import dev.ocitk.conformance.mounts.RuntimeSide;

import org.junit.jupiter.api.Tag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 * When each hook kind runs (runtime.md#lifecycle steps 3-9 and 13, config.md#posix-platform-hooks): in which
 * operation, relative to the other kinds and to the user program, and in the listed order within a kind. Each kind
 * gets three recording hooks, so a runtime that runs them out of order cannot pass by chance.
 */
@Tag("hooks")
class HookOrderIT {

    private static final int PER_KIND = 3;

    @ConformanceTest
    @Requirement({"hooks.prestart.during-create", "hooks.prestart.before-create-runtime",
            "hooks.create-runtime.during-create", "hooks.create-container.during-create",
            "hooks.create-container.after-create-runtime", "hooks.order.listed-order"})
    void createHooksRunDuringCreateByKindInListedOrder(RuntimeUnderTest runtime) {
        HookEvidence evidence = new HookEvidence(runtime);
        Bundle bundle = evidence.recordAll(runtime.bundle(), PER_KIND)
                .args(sh(HookEvidence.programMark() + "; " + awaitRelease())).build();

        Container container = runtime.create(bundle);

        assertThat(evidence.logOf(PRESTART, CREATE_RUNTIME, CREATE_CONTAINER))
                .as("create hooks finished by the time create returned, in this order (full log %s)", evidence.log())
                .containsExactlyElementsOf(expected(PRESTART, CREATE_RUNTIME, CREATE_CONTAINER));
        assertThat(evidence.logOf(START_CONTAINER)).as("startContainer hooks run during create").isEmpty();
        assertThat(evidence.log()).as("hook log after create").doesNotContain("program");

        // Control: the same log records startContainer hooks and the program once start runs them.
        container.start();
        Await.until("the program to write to the hook log", evidence::log, l -> l.contains("program"));
        assertThat(evidence.logOf(START_CONTAINER)).as("startContainer hooks after start").hasSize(PER_KIND);
        bundle.release();
        container.awaitStatus("stopped");
    }

    @ConformanceTest
    @Requirement({"hooks.start-container.before-program", "hooks.order.listed-order"})
    void startContainerHooksRunDuringStartBeforeTheProgram(RuntimeUnderTest runtime) {
        HookEvidence evidence = new HookEvidence(runtime);
        Bundle bundle = evidence.record(runtime.bundle(), PER_KIND, START_CONTAINER)
                .args(sh(HookEvidence.programMark() + "; " + awaitRelease())).build();
        Container container = runtime.create(bundle);
        assertThat(evidence.log()).as("hook log after create: startContainer hooks belong to start").isEmpty();

        container.start();

        List<String> log = Await.until("the program to write to the hook log", evidence::log,
                l -> l.contains("program"));
        assertThat(log).as("startContainer hooks, then the program").containsExactlyElementsOf(
                concat(expected(START_CONTAINER), List.of("program")));
        bundle.release();
        container.awaitStatus("stopped");
    }

    @ConformanceTest
    @Requirement({"hooks.poststart.after-program", "hooks.order.listed-order"})
    void poststartHooksRunAfterTheProgramStartedAndBeforeStartReturns(RuntimeUnderTest runtime) {
        HookEvidence evidence = new HookEvidence(runtime);
        List<String> program = sh(HookEvidence.programMark() + "; " + awaitRelease());
        Bundle bundle = evidence.record(runtime.bundle(), PER_KIND, START_CONTAINER, POSTSTART)
                .args(program).build();
        Container container = runtime.create(bundle);
        assertThat(evidence.logOf(POSTSTART)).as("poststart hooks that ran during create, before start").isEmpty();

        container.start();

        List<String> log = evidence.log();
        assertThat(evidence.logOf(POSTSTART)).as("poststart hooks finished when start returned (log %s)", log)
                .containsExactlyElementsOf(expected(POSTSTART));
        for (int i = 0; i < PER_KIND; i++) {
            HookEvidence.Record r = evidence.record(POSTSTART, i);
            assertThat(r.target()).as("argv of the container process (the state's pid) when %s ran: the user"
                    + " program must already have been executed (log %s)", r.name(), log).contains(program);
        }
        assertThat(log.subList(0, PER_KIND)).as("startContainer hooks end before the program runs, so before any"
                + " poststart hook (log %s)", log).containsExactlyElementsOf(expected(START_CONTAINER));
        bundle.release();
        container.awaitStatus("stopped");
    }

    @ConformanceTest
    @Requirement({"hooks.poststop.after-delete", "hooks.order.listed-order"})
    void poststopHooksRunAfterTheContainerIsDestroyedAndBeforeDeleteReturns(RuntimeUnderTest runtime) {
        HookEvidence evidence = new HookEvidence(runtime);
        BundleBuilder builder = runtime.bundle().mount(evidence.mount()).args(sh(awaitRelease()));
        String cgroupsPath = builder.configSnapshot().path("linux").path("cgroupsPath").asText();
        // The cgroup hierarchies mounted where the runtime (and so a poststop hook) runs, which a wrapper's private
        // mount namespace may narrow down (runtimes/crun-hybrid hides the v2 mount).
        List<Path> cgroupDirs = CgroupHierarchies.of(Mountinfo.parse(RuntimeSide.mountinfo())).directoriesFor(cgroupsPath);
        String[] probes = cgroupDirs.stream().map(Path::toString).toArray(String[]::new);
        for (int i = 0; i < PER_KIND; i++) builder.hook(POSTSTOP, evidence.recorder(POSTSTOP, i, probes));
        Bundle bundle = builder.build();
        Container container = runtime.create(bundle);
        container.start();
        // Control: the probed paths are the container's cgroups, which exist while it runs.
        assertThat(cgroupDirs).as("cgroup directories of the running container").anyMatch(Files::isDirectory);
        bundle.release();
        container.awaitStatus("stopped");
        assertThat(evidence.logOf(POSTSTOP)).as("poststop hooks that ran before delete").isEmpty();

        container.delete();

        assertThat(evidence.logOf(POSTSTOP)).as("poststop hooks finished when delete returned")
                .containsExactlyElementsOf(expected(POSTSTOP));
        for (int i = 0; i < PER_KIND; i++) {
            HookEvidence.Record r = evidence.record(POSTSTOP, i);
            assertThat(r.existing()).as("cgroup directories of the container that still existed when %s ran:"
                    + " the container is destroyed before poststop hooks run", r.name()).isEmpty();
        }
    }

    /** {@code "<kind> <i>"} for i in 0..PER_KIND-1, for each kind in turn. */
    static List<String> expected(Hook.Kind... kinds) {
        List<String> out = new ArrayList<>();
        for (Hook.Kind k : kinds) {
            for (int i = 0; i < PER_KIND; i++) out.add(k.jsonName() + " " + i);
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
