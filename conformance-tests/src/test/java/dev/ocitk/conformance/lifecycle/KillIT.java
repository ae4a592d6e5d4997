package dev.ocitk.conformance.lifecycle;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.ConformanceTest;
import org.junit.jupiter.api.Tag;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.junit.ConformanceExtension;
import dev.ocitk.conformance.runtime.Stdio;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static dev.ocitk.conformance.RuntimeAssertions.assertSucceeded;
import static dev.ocitk.conformance.bundle.Shell.mark;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static dev.ocitk.conformance.bundle.Shell.waitForever;
import static org.assertj.core.api.Assertions.assertThat;

/** The kill operation (runtime.md#kill). */
@Tag("lifecycle")
@ExtendWith(ConformanceExtension.class)
class KillIT {

    /** A program that records every USR1 and TERM it gets (TERM also ends it), after marking that its traps are set. */
    private static Bundle signalRecorder(RuntimeUnderTest runtime) {
        return runtime.bundle().args(sh("trap 'echo USR1 >> /ocitk/out/signals' USR1; "
                + "trap 'echo TERM >> /ocitk/out/signals; exit 0' TERM; " + mark("trapped") + "; " + waitForever()))
                .build();
    }

    @ConformanceTest
    @Requirement("runtime.kill.missing-id-error")
    void killWithoutIdIsAnError(RuntimeUnderTest runtime) {
        assertError(runtime.client().call(List.of("kill"), Stdio.captured()), "kill without a container ID");
    }

    @ParameterizedTest(name = "kill ID {0}")
    @ValueSource(strings = {"USR1", "SIGUSR1", "number"})
    @Requirement("runtime.kill.sends-signal")
    void killDeliversTheSignalToTheRunningProgram(String form, RuntimeUnderTest runtime) throws Exception {
        String signal = form.equals("number") ? hostSignalNumber("USR1") : form;
        Bundle bundle = signalRecorder(runtime);
        Container container = runtime.create(bundle);
        container.start();
        Await.until("the program to set its traps", () -> bundle.out("trapped"), Optional::isPresent);

        container.kill(signal);

        Await.until("the program to record SIGUSR1", () -> bundle.outLines("signals"), l -> l.contains("USR1"));
        assertThat(container.status()).as("status after a handled SIGUSR1").isEqualTo("running");
        assertThat(bundle.outLines("signals")).as("signals the program got").containsExactly("USR1");
    }

    @ConformanceTest
    @Requirement("runtime.kill.default-signal-term")
    void killWithoutSignalSendsTerm(RuntimeUnderTest runtime) {
        Bundle bundle = signalRecorder(runtime);
        Container container = runtime.create(bundle);
        container.start();
        Await.until("the program to set its traps", () -> bundle.out("trapped"), Optional::isPresent);

        assertSucceeded(container.tryKillWithDefaultSignal(), "kill without a signal");

        container.awaitStatus("stopped");
        assertThat(bundle.outLines("signals")).as("signals the program got").containsExactly("TERM");
    }

    @ConformanceTest
    @Requirement("runtime.kill.sends-signal")
    void killReachesACreatedContainer(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh(mark("ran"))).build();
        Container container = runtime.create(bundle);

        container.kill("KILL");

        container.awaitStatus("stopped");
        assertThat(bundle.out("ran")).as("mark of the program, which was never started").isEmpty();
    }

    @ConformanceTest
    @Requirement("runtime.kill.not-running-error")
    void killOfStoppedContainerIsAnErrorWithoutEffect(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(sh("exit 0")).build();
        Container container = runtime.create(bundle);
        container.start();
        container.awaitStatus("stopped");

        assertError(container.tryKill("KILL"), "kill of a stopped container");

        assertThat(container.status()).as("status after the refused kill").isEqualTo("stopped");
        container.delete();
        container.assertGone();
    }

    @ConformanceTest
    @Requirement("runtime.kill.not-running-error")
    void killOfUnknownContainerIsAnError(RuntimeUnderTest runtime) {
        String neverCreated = runtime.newId();

        assertError(runtime.kill(neverCreated, Optional.of("KILL")), "kill of a container that was never created");
    }

    /** Signal numbers differ between architectures (USR1 is 10 on x86 and arm, 16 on mips): ask the host. */
    private static String hostSignalNumber(String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/busybox", "kill", "-l", name).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0 || !out.matches("\\d+")) {
            throw new IllegalStateException("cannot map signal " + name + " to a number: " + out);
        }
        return out;
    }
}
