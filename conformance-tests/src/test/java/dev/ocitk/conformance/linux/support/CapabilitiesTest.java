package dev.ocitk.conformance.linux.support;

import dev.ocitk.conformance.linux.support.Capabilities.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapabilitiesTest {

    @Test
    void masksMatchTheKernelBits() {
        // runc's default bounding set as /proc/<pid>/status prints it.
        assertThat(Capabilities.mask(List.of("CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE")))
                .isEqualTo(Capabilities.parseMask("0000000020000420"));
        assertThat(Capabilities.bit("CAP_SYS_ADMIN")).contains(21);
        assertThat(Capabilities.bit("CAP_CHECKPOINT_RESTORE")).contains(40);
        assertThat(Capabilities.names(Capabilities.parseMask("000001fffeffffff"))).hasSize(40)
                .doesNotContain("CAP_SYS_RESOURCE");
        assertThat(Capabilities.names(1L << 45)).containsExactly("bit45");
        assertThatThrownBy(() -> Capabilities.mask(List.of("CAP_OCITK"))).hasMessageContaining("CAP_OCITK");
    }

    private static final long KILL = 1L << 5, SETUID = 1L << 7, NET_BIND = 1L << 10, CHOWN = 1L;

    private static Map<Kind, Long> configured() {
        return Map.of(Kind.BOUNDING, CHOWN | KILL | NET_BIND | SETUID, Kind.PERMITTED, CHOWN | KILL | NET_BIND,
                Kind.EFFECTIVE, CHOWN | KILL, Kind.INHERITABLE, KILL | NET_BIND, Kind.AMBIENT, NET_BIND);
    }

    @Test
    void nonRootKeepsOnlyAmbientAsPermittedAndEffective() {
        Map<Kind, Long> after = Capabilities.afterExec(configured(), false, true);

        assertThat(after).containsEntry(Kind.BOUNDING, CHOWN | KILL | NET_BIND | SETUID)
                .containsEntry(Kind.INHERITABLE, KILL | NET_BIND).containsEntry(Kind.AMBIENT, NET_BIND)
                .containsEntry(Kind.PERMITTED, NET_BIND).containsEntry(Kind.EFFECTIVE, NET_BIND);
    }

    @Test
    void rootGetsBoundingInheritableAndAmbient() {
        Map<Kind, Long> after = Capabilities.afterExec(configured(), true, false);

        assertThat(after.get(Kind.PERMITTED)).isEqualTo(CHOWN | KILL | NET_BIND | SETUID);
        assertThat(after.get(Kind.EFFECTIVE)).isEqualTo(after.get(Kind.PERMITTED));
    }

    @Test
    void rootWithNoNewPrivsGainsNothingBeyondItsPermittedSet() {
        Map<Kind, Long> after = Capabilities.afterExec(configured(), true, true);

        assertThat(after.get(Kind.PERMITTED)).isEqualTo(CHOWN | KILL | NET_BIND);
        assertThat(after.get(Kind.EFFECTIVE)).isEqualTo(CHOWN | KILL | NET_BIND);
        assertThat(after.get(Kind.BOUNDING)).isEqualTo(CHOWN | KILL | NET_BIND | SETUID);
    }

    @Test
    void ambientNeedsPermittedAndInheritable() {
        Map<Kind, Long> before = Map.of(Kind.BOUNDING, KILL, Kind.PERMITTED, KILL, Kind.AMBIENT, KILL);

        assertThat(Capabilities.afterExec(before, false, false).get(Kind.AMBIENT)).isZero();
    }
}
