package dev.ocitk.ocirun.lifecycle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcStatTest {

    @Test
    void parsesStateAndStartTimeEvenWithParenthesesInTheName() {
        String line = "1234 (a (weird) name) S 1 1234 1234 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10";
        assertThat(ProcStat.parse(1234, line)).get()
                .satisfies(s -> {
                    assertThat(s.state()).isEqualTo('S');
                    assertThat(s.startTime()).isEqualTo(987654L);
                    assertThat(s.isGone()).isFalse();
                });
    }

    @Test
    void zombiesCountAsGone() {
        String line = "7 (sh) Z 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 55 0 0";
        assertThat(ProcStat.parse(7, line)).get().extracting(ProcStat::isGone).isEqualTo(true);
    }

    @Test
    void thisProcessIsAliveAndAWrongStartTimeIsNot() {
        int self = (int) ProcessHandle.current().pid();
        ProcStat me = ProcStat.read(self).orElseThrow();
        assertThat(ProcStat.isAlive(self, me.startTime())).isTrue();
        assertThat(ProcStat.isAlive(self, me.startTime() + 1)).as("same pid, other start time: a reused pid").isFalse();
        assertThat(ProcStat.read(0)).isEmpty();
        assertThat(ProcStat.parse(1, "garbage")).isEmpty();
    }
}
