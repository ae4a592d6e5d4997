package dev.ocitk.conformance.linux;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Tag;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/** hostname and domainname (config.md#hostname, config.md#domainname), as the container's processes see them. */
@Tag("linux")
class UtsNamesIT {

    @ConformanceTest
    @Requirement("linux.hostname.applied")
    void containerSeesTheConfiguredHostname(RuntimeUnderTest runtime) {
        String name = "ocitk-" + Long.toHexString(System.nanoTime());
        Bundle bundle = runtime.bundle().hostname(name).args(sh("cat /proc/sys/kernel/hostname; hostname")).build();

        assertThat(Programs.runToCompletion(runtime, bundle).lines().toList()).as("host name inside the container")
                .containsExactly(name, name);
    }

    @ConformanceTest
    @Requirement("linux.domainname.applied")
    void containerSeesTheConfiguredDomainname(RuntimeUnderTest runtime) {
        String name = "ocitk-" + Long.toHexString(System.nanoTime()) + ".test";
        Bundle bundle = runtime.bundle().args(sh("cat /proc/sys/kernel/domainname"))
                .edit(c -> c.put("domainname", name)).buildUnvalidated();

        assertThat(Programs.runToCompletion(runtime, bundle).strip()).as("domain name inside the container").isEqualTo(name);
    }
}
