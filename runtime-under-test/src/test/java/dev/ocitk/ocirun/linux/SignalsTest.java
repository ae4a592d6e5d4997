package dev.ocitk.ocirun.linux;

import dev.ocitk.ocirun.OcirunException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalsTest {

    @Test
    void acceptsNamesWithAndWithoutPrefixInAnyCase() {
        assertThat(Signals.parse("TERM")).isEqualTo(15);
        assertThat(Signals.parse("SIGTERM")).isEqualTo(15);
        assertThat(Signals.parse("sigkill")).isEqualTo(9);
        assertThat(Signals.parse("USR1")).isEqualTo(10);
        assertThat(Signals.parse("SIGWINCH")).isEqualTo(28);
    }

    @Test
    void acceptsRealTimeOffsets() {
        assertThat(Signals.parse("RTMIN")).isEqualTo(34);
        assertThat(Signals.parse("SIGRTMIN+3")).isEqualTo(37);
        assertThat(Signals.parse("RTMAX-1")).isEqualTo(63);
        assertThat(Signals.parse("RTMAX")).isEqualTo(64);
    }

    @Test
    void everyNumberFrom1To64IsItself() {
        for (int n = 1; n <= 64; n++) {
            assertThat(Signals.parse(Integer.toString(n))).isEqualTo(n);
        }
    }

    @Test
    void rejectsUnknownSignalsWithTheValue() {
        for (String bad : new String[] {"0", "65", "BOGUS", "SIG", "RTMIN+40", "RTMIN+x", "-9", "99999999999"}) {
            assertThatThrownBy(() -> Signals.parse(bad)).as(bad)
                    .isInstanceOf(OcirunException.class).hasMessageContaining(bad);
        }
    }
}
