package dev.ocitk.conformance.process;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.Capabilities.Kind;
import dev.ocitk.conformance.linux.support.Capabilities;
import dev.ocitk.conformance.linux.support.ProcFs;
import dev.ocitk.conformance.linux.support.Programs;
import dev.ocitk.conformance.runtime.CommandResult;
import org.junit.jupiter.api.Tag;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * process.capabilities (config.md#linux-process): all five sets of the container process, bit by bit, from
 * {@code /proc/<pid>/status}. The runtime sets the configured sets and then executes the program; the kernel then
 * recomputes permitted and effective from the others (capabilities(7)), so the expectation is the configured sets
 * carried through that transformation ({@link Capabilities#afterExec}), not the raw config. Neither config asks for
 * CAP_SYS_RESOURCE, which root on some CI hosts does not have.
 */
@Tag("process")
class CapabilitiesIT {

    @ConformanceTest
    @Requirement("process.capabilities.sets")
    void nonRootProgramHoldsTheConfiguredSets(RuntimeUnderTest runtime) {
        Map<Kind, List<String>> sets = Map.of(
                Kind.BOUNDING, List.of("CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_SETUID", "CAP_AUDIT_WRITE"),
                Kind.PERMITTED, List.of("CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE"),
                Kind.EFFECTIVE, List.of("CAP_CHOWN", "CAP_KILL"),
                Kind.INHERITABLE, List.of("CAP_KILL", "CAP_NET_BIND_SERVICE"),
                Kind.AMBIENT, List.of("CAP_NET_BIND_SERVICE"));

        assertProgramHolds(runtime, 1000, true, sets);
    }

    private static final Map<Kind, List<String>> ROOT_SETS = Map.of(
            Kind.BOUNDING, List.of("CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT"),
            Kind.PERMITTED, List.of("CAP_CHOWN", "CAP_KILL"),
            Kind.EFFECTIVE, List.of("CAP_CHOWN"),
            Kind.INHERITABLE, List.of("CAP_KILL"),
            Kind.AMBIENT, List.of());

    @ConformanceTest
    @Requirement("process.capabilities.sets")
    void rootProgramWithNoNewPrivilegesHoldsTheConfiguredSets(RuntimeUnderTest runtime) {
        assertProgramHolds(runtime, 0, true, ROOT_SETS);
    }

    @ConformanceTest
    @Requirement("process.capabilities.sets")
    void rootProgramHoldsTheConfiguredSets(RuntimeUnderTest runtime) {
        assertProgramHolds(runtime, 0, false, ROOT_SETS);
    }

    private static void assertProgramHolds(RuntimeUnderTest runtime, int uid, boolean noNewPrivileges,
                                           Map<Kind, List<String>> sets) {
        Bundle bundle = runtime.bundle().user(uid, uid).noNewPrivileges(noNewPrivileges).args(Programs.waiting())
                .edit(c -> writeSets(c, sets)).build();

        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        Map<Kind, Long> seen = Capabilities.ofProcess(ProcFs.of(container.pid()));
        Programs.finish(container);

        Map<Kind, Long> configured = new EnumMap<>(Kind.class);
        sets.forEach((k, names) -> configured.put(k, Capabilities.mask(names)));
        Map<Kind, Long> expected = Capabilities.afterExec(configured, uid == 0, noNewPrivileges);
        assertThat(seen).as("capability sets of the container process (uid %d, noNewPrivileges %s); expected:%s%nseen:%s",
                uid, noNewPrivileges,
                Capabilities.describe(expected), Capabilities.describe(seen)).isEqualTo(expected);
    }

    static void writeSets(ObjectNode config, Map<Kind, List<String>> sets) {
        ObjectNode caps = config.withObjectProperty("process").putObject("capabilities");
        sets.forEach((k, names) -> {
            ArrayNode a = caps.putArray(k.configName);
            names.forEach(a::add);
        });
    }

    @ConformanceTest
    @Requirement("process.capabilities.unknown-not-fatal")
    void unknownCapabilityDoesNotMakeTheRuntimeFail(RuntimeUnderTest runtime) {
        List<String> withUnknown = List.of("CAP_KILL", "CAP_OCITK_UNKNOWN");
        Bundle bundle = runtime.bundle().args(Programs.waiting()).edit(c -> writeSets(c, Map.of(
                Kind.BOUNDING, withUnknown, Kind.PERMITTED, withUnknown, Kind.EFFECTIVE, withUnknown)))
                .buildUnvalidated();

        CommandResult create = runtime.tryCreate(bundle);
        assertThat(create.succeeded()).as("create with an unknown capability (config.md#linux-process: warn, do not fail):\n%s",
                create).isTrue();
        Container container = runtime.container(bundle.containerId(), bundle);
        CommandResult start = container.tryStart();
        assertThat(start.succeeded()).as("start with an unknown capability:\n%s", start).isTrue();
        Programs.awaitRunning(bundle);
        long bounding = Capabilities.ofProcess(ProcFs.of(container.pid())).get(Kind.BOUNDING);
        Programs.finish(container);
        assertThat(Capabilities.names(bounding)).as("bounding set: the known capability is still applied")
                .containsExactly("CAP_KILL");
    }
}
