package dev.ocitk.validator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinuxCapabilitiesTest {

    @Test
    void indexIsTheCapabilityNumberOfLinuxCapabilityH() {
        assertThat(LinuxCapabilities.number("CAP_CHOWN")).isZero();
        assertThat(LinuxCapabilities.number("CAP_SYS_ADMIN")).isEqualTo(21);
        assertThat(LinuxCapabilities.number("CAP_SYS_RESOURCE")).isEqualTo(24);
        assertThat(LinuxCapabilities.number("CAP_AUDIT_READ")).isEqualTo(37);
        assertThat(LinuxCapabilities.number("CAP_CHECKPOINT_RESTORE")).isEqualTo(40);
        assertThat(LinuxCapabilities.NAMES).hasSize(41).doesNotHaveDuplicates();
        assertThat(LinuxCapabilities.number("CAP_NOPE")).isEqualTo(-1);
    }
}
