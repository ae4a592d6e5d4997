package dev.ocitk.conformance.security;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.Capabilities.Kind;
import dev.ocitk.conformance.linux.support.Capabilities;
import dev.ocitk.conformance.linux.support.ProcFs;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Tag;

import java.util.Map;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default capability set ({@code runc spec}'s three: AUDIT_WRITE, KILL, NET_BIND_SERVICE) leaves out
 * CAP_SYS_ADMIN, so a root program in the container holds it in none of its five sets and cannot mount. The control
 * container, which asks for CAP_SYS_ADMIN, mounts with the same command: the failure is the missing capability.
 */
@Tag("security")
class DefaultCapabilitiesIT {

    private static final String MOUNT = "mount -t tmpfs ocitk /tmp 2>&1; echo mount=$?";

    @ConformanceTest
    @Requirement("process.capabilities.sets")
    void defaultSetLeavesOutSysAdminEverywhere(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(Programs.waiting()).build();

        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        Map<Kind, Long> sets = Capabilities.ofProcess(ProcFs.of(container.pid()));
        Programs.finish(container);

        long sysAdmin = 1L << Capabilities.bit("CAP_SYS_ADMIN").orElseThrow();
        assertThat(sets).as("capability sets of a root program with the default config:%s", Capabilities.describe(sets))
                .allSatisfy((kind, mask) -> assertThat(mask & sysAdmin).as("CAP_SYS_ADMIN in %s", kind).isZero());
    }

    @ConformanceTest
    @Requirement("process.capabilities.sets")
    void withoutSysAdminTheContainerCannotMount(RuntimeUnderTest runtime) {
        String denied = Programs.runToCompletion(runtime, runtime.bundle().args(sh(MOUNT)).build());
        String control = Programs.runToCompletion(runtime, runtime.bundle().args(sh(MOUNT))
                .capabilities("CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_SYS_ADMIN").build());

        assertThat(control).as("mount with CAP_SYS_ADMIN (control)").contains("mount=0");
        runtime.observe("mount.denied", denied.strip());
        assertThat(denied).as("mount with the default capabilities").doesNotContain("mount=0").contains("mount=");
    }
}
