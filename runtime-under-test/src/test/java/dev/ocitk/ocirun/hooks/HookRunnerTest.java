package dev.ocitk.ocirun.hooks;

import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs real hooks (busybox-free: /bin/sh and coreutils of the build host); no root needed. */
class HookRunnerTest {
    @TempDir
    Path dir;

    private Spec.Hook sh(String script, Integer timeout, String... env) {
        return new Spec.Hook("/bin/sh", List.of("sh", "-c", script), List.of(env), timeout);
    }

    @Test
    void theStateArrivesOnStdinAndEnvAndArgsAreExactlyTheConfigured() throws Exception {
        Path out = dir.resolve("out");
        HookRunner.runAll("prestart", List.of(sh("cat > " + out + "; echo \"$0|$1|$A|${HOME-unset}\" >> " + out, null, "A=1")),
                "{\"id\":\"c1\"}", dir.toString());
        assertThat(Files.readString(out)).isEqualTo("{\"id\":\"c1\"}sh||1|unset\n");
    }

    @Test
    void argv0IsTheConfiguredOneNotThePath() throws Exception {
        Path out = dir.resolve("argv0");
        HookRunner.runAll("poststart", List.of(new Spec.Hook("/bin/sh", List.of("custom-name", "-c", "echo $0 > " + out),
                null, null)), "{}", dir.toString());
        assertThat(Files.readString(out)).isEqualTo("custom-name\n");
    }

    @Test
    void hooksRunInOrderAndTheFirstFailureStopsTheRest() throws Exception {
        Path out = dir.resolve("order");
        assertThatThrownBy(() -> HookRunner.runAll("createRuntime", List.of(
                sh("echo one >> " + out, null), sh("echo two >> " + out + "; echo broken >&2; exit 3", null),
                sh("echo three >> " + out, null)), "{}", dir.toString()))
                .isInstanceOf(OcirunException.class)
                .hasMessage("createRuntime hook #1 (/bin/sh) failed: exit status 3: broken");
        assertThat(Files.readAllLines(out)).containsExactly("one", "two");
    }

    @Test
    void aHookThatOutlivesItsTimeoutIsKilledAndFails() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> HookRunner.runAll("prestart", List.of(sh("exec sleep 30", 1)), "{}", dir.toString()))
                .hasMessage("prestart hook #0 (/bin/sh) failed: timed out after 1s");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void aHookThatDoesNotReadStdinStillSucceeds() {
        HookRunner.runAll("poststart", List.of(sh("exit 0", null)), "x".repeat(200_000), dir.toString());
    }

    @Test
    void aMissingProgramIsAFailureNamingIt() {
        assertThatThrownBy(() -> HookRunner.runAll("prestart",
                List.of(new Spec.Hook("/no/such/hook", null, null, null)), "{}", dir.toString()))
                .hasMessageContaining("prestart hook #0 (/no/such/hook) failed");
    }

    @Test
    void poststopFailuresAreLoggedWarningsAndTheRestStillRun() throws Exception {
        Path out = dir.resolve("after");
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured));
        try {
            HookRunner.runAllWarnOnly("poststop", List.of(sh("exit 1", null), sh("echo ran > " + out, null)), "{}",
                    dir.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(Files.readString(out)).isEqualTo("ran\n");
        assertThat(captured.toString()).isEqualTo("ocirun: warning: poststop hook #0 (/bin/sh) failed: exit status 1\n");
    }

    @Test
    void theHookRunsInTheGivenDirectory() throws Exception {
        Path out = dir.resolve("cwd");
        HookRunner.runAll("prestart", List.of(sh("pwd > " + out, null)), "{}", dir.toString());
        assertThat(Files.readString(out).strip()).isEqualTo(dir.toRealPath().toString());
    }
}
