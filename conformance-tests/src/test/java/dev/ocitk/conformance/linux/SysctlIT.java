package dev.ocitk.conformance.linux;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Tag;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static dev.ocitk.conformance.bundle.Shell.mark;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * linux.sysctl (config-linux.md#sysctl). The parameters are ones the kernel keeps per network or IPC namespace, which
 * the container has of its own, so setting them cannot change the host; the values differ from the kernel defaults.
 */
@Tag("linux")
class SysctlIT {

    @ConformanceTest
    @Requirement("linux.sysctl.applied")
    void configuredParametersHaveTheirValuesInTheContainer(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().sysctl("net.ipv4.ip_default_ttl", "42").sysctl("kernel.msgmax", "12345")
                .args(sh("cat /proc/sys/net/ipv4/ip_default_ttl /proc/sys/kernel/msgmax")).build();

        assertThat(Programs.runToCompletion(runtime, bundle).lines().toList())
                .as("net.ipv4.ip_default_ttl and kernel.msgmax inside the container").containsExactly("42", "12345");
    }

    @ConformanceTest
    @Requirement({"linux.sysctl.unknown-error", "runtime.errors.no-side-effects"})
    void parameterTheKernelDoesNotHaveIsAnError(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().sysctl("net.ipv4.ocitk_unknown", "1").args(sh(mark("ran"))).build();

        assertError(runtime.tryCreate(bundle), "create with sysctl net.ipv4.ocitk_unknown");

        assertThat(runtime.leftoversOf(bundle.containerId(), bundle)).as("what the failed create left").isEmpty();
        assertThat(bundle.out("ran")).as("mark of the program").isEmpty();
    }
}
