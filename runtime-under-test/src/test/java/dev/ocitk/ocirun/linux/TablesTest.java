package dev.ocitk.ocirun.linux;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The name tables must carry the kernel's numbers: ordinals and constants are checked against linux headers. */
class TablesTest {

    @Test
    void capabilityNumbersAreTheKernels() {
        assertThat(Capability.CAP_CHOWN.number()).isZero();
        assertThat(Capability.CAP_KILL.number()).isEqualTo(5);
        assertThat(Capability.CAP_NET_BIND_SERVICE.number()).isEqualTo(10);
        assertThat(Capability.CAP_SYS_ADMIN.number()).isEqualTo(21);
        assertThat(Capability.CAP_SYS_RESOURCE.number()).isEqualTo(24);
        assertThat(Capability.CAP_AUDIT_WRITE.number()).isEqualTo(29);
        assertThat(Capability.CAP_CHECKPOINT_RESTORE.number()).isEqualTo(40);
        assertThat(Capability.parse("cap_kill")).contains(Capability.CAP_KILL);
        assertThat(Capability.parse("CAP_NOPE")).isEmpty();
    }

    @Test
    void rlimitNumbersAreTheKernels() {
        assertThat(Rlimit.parse("RLIMIT_NOFILE")).get().extracting(Rlimit::resource).isEqualTo(7);
        assertThat(Rlimit.parse("RLIMIT_AS")).get().extracting(Rlimit::resource).isEqualTo(9);
        assertThat(Rlimit.parse("RLIMIT_RTTIME")).get().extracting(Rlimit::resource).isEqualTo(15);
        assertThat(Rlimit.parse("RLIMIT_nofile")).isEmpty();
    }

    @Test
    void namespaceCloneFlagsAreTheKernels() {
        assertThat(NamespaceType.MOUNT.cloneFlag()).isEqualTo(0x00020000);
        assertThat(NamespaceType.NETWORK.cloneFlag()).isEqualTo(0x40000000);
        assertThat(NamespaceType.TIME.cloneFlag()).isEqualTo(0x80);
        assertThat(NamespaceType.parse("network")).contains(NamespaceType.NETWORK);
        assertThat(NamespaceType.parse("net")).isEmpty();
        assertThat(NamespaceType.MOUNT.procName()).isEqualTo("mnt");
    }
}
