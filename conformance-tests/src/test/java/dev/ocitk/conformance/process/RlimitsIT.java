package dev.ocitk.conformance.process;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.BundleBuilder;
import dev.ocitk.conformance.linux.support.ProcFs;
import dev.ocitk.conformance.linux.support.Programs;
import dev.ocitk.conformance.linux.support.ResourceLimit;
import dev.ocitk.conformance.runtime.CommandResult;
import org.junit.jupiter.api.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * process.rlimits (config.md#posix-process). The limits are read from {@code /proc/<pid>/limits} of the container
 * process itself, not from a helper or the harness (whose own raised limits would prove nothing).
 */
@Tag("process")
class RlimitsIT {

    /** Wanted soft and hard values, each pair distinct and different from common defaults. */
    private static final List<ResourceLimit> WANTED = List.of(
            new ResourceLimit("RLIMIT_NOFILE", 555, 777),
            new ResourceLimit("RLIMIT_CORE", 4096, 8192),
            new ResourceLimit("RLIMIT_FSIZE", 1L << 30, 3L << 30),
            new ResourceLimit("RLIMIT_MSGQUEUE", 204800, 409600),
            new ResourceLimit("RLIMIT_SIGPENDING", 3000, 4000),
            new ResourceLimit("RLIMIT_CPU", 86400, 172800));

    @ConformanceTest
    @Requirement("process.rlimits.applied")
    void everyConfiguredLimitIsTheProgramsLimit(RuntimeUnderTest runtime) {
        // Without CAP_SYS_RESOURCE no process may raise a hard limit, so every wanted value is capped at what the
        // harness (and so the runtime it starts) has: the runtime can always lower a limit.
        Map<String, ResourceLimit> callers = ProcFs.self().limits();
        List<ResourceLimit> limits = new ArrayList<>();
        for (ResourceLimit w : WANTED) {
            long callerHard = callers.get(w.type()).hard();
            long hard = ResourceLimit.atMost(w.hard(), callerHard) ? w.hard() : callerHard;
            long soft = ResourceLimit.atMost(w.soft(), hard) ? w.soft() : hard;
            limits.add(new ResourceLimit(w.type(), soft, hard));
        }
        BundleBuilder builder = runtime.bundle().args(Programs.waiting());
        limits.forEach(l -> builder.rlimit(l.type(), l.soft(), l.hard()));
        Bundle bundle = builder.build();

        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        Map<String, ResourceLimit> seen = ProcFs.of(container.pid()).limits();
        Programs.finish(container);

        assertThat(limits).allSatisfy(l -> assertThat(seen.get(l.type())).as("limit of the container process").isEqualTo(l));
    }

    @ConformanceTest
    @Requirement({"process.rlimits.unknown-type-error", "runtime.errors.no-side-effects"})
    void unknownLimitTypeIsAnError(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(Programs.waiting()).rlimit("RLIMIT_OCITK_UNKNOWN", 1, 1)
                .buildUnvalidated();

        assertRejected(runtime, bundle, "a config with rlimit type RLIMIT_OCITK_UNKNOWN");
    }

    @ConformanceTest
    @Requirement({"process.rlimits.duplicate-type-error", "runtime.errors.no-side-effects"})
    void duplicateLimitTypeIsAnError(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(Programs.waiting()).edit(c -> {
            ArrayNode rlimits = c.withObjectProperty("process").putArray("rlimits");
            rlimits.addObject().put("type", "RLIMIT_NOFILE").put("soft", 512).put("hard", 512);
            rlimits.addObject().put("type", "RLIMIT_NOFILE").put("soft", 256).put("hard", 256);
        }).buildUnvalidated();

        assertRejected(runtime, bundle, "a config with two RLIMIT_NOFILE entries");
    }

    /**
     * The runtime must report the error. process properties may be applied at create or at start
     * (runtime.md#create), so it may come from either; an error from create must leave nothing behind, and an
     * error from start must not have run the program.
     */
    static void assertRejected(RuntimeUnderTest runtime, Bundle bundle, String what) {
        CommandResult create = runtime.tryCreate(bundle);
        if (!create.succeeded()) {
            assertThat(runtime.leftoversOf(bundle.containerId(), bundle)).as("what create of %s left", what).isEmpty();
            return;
        }
        Container container = runtime.container(bundle.containerId(), bundle);
        assertError(container.tryStart(), "create and start of " + what);
        assertThat(bundle.out(Programs.RUNNING)).as("mark of the program of %s", what).isEmpty();
    }
}
