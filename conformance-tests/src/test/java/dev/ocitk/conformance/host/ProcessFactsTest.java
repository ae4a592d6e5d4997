package dev.ocitk.conformance.host;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessFactsTest {

    @Test
    void parsesCommWithSpacesAndParentheses() {
        String stat = "4242 (a (b) c) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10";

        ProcessFacts.Stat s = ProcessFacts.parseStat(stat);

        assertThat(s.pid()).isEqualTo(4242);
        assertThat(s.comm()).isEqualTo("a (b) c");
        assertThat(s.state()).isEqualTo('S');
        assertThat(s.parentPid()).isEqualTo(1);
        assertThat(s.startTime()).isEqualTo(987654);
    }

    @Test
    void identityFollowsTheProcessNotThePid() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        ProcessFacts.Identity identity = ProcessFacts.identify(sleep.pid()).orElseThrow();
        assertThat(identity.isAlive()).isTrue();

        sleep.destroyForcibly();
        sleep.waitFor(10, TimeUnit.SECONDS);

        assertThat(identity.isAlive()).isFalse();
        assertThat(new ProcessFacts.Identity(ProcessHandle.current().pid(), 1).isAlive())
                .as("same pid, other start time").isFalse();
    }
}
