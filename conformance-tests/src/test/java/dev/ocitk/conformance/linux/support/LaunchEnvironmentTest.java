package dev.ocitk.conformance.linux.support;

import dev.ocitk.conformance.runtime.CommandResult;
import dev.ocitk.conformance.runtime.CommandRunner;
import dev.ocitk.conformance.runtime.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchEnvironmentTest {

    @Test
    void theLaunchedCommandInheritsFdUmaskOomScoreAndEnvironment(@TempDir Path tmp) throws IOException {
        Path held = Files.writeString(tmp.resolve("it's held"), "x");
        int oomNow = ProcFs.self().oomScoreAdj();
        LaunchEnvironment env = new LaunchEnvironment().openFile(7, held).umask(0077).oomScoreAdj(oomNow + 3)
                .env("OCITK_PROBE", "a 'b' $c");

        List<String> argv = env.wrap(List.of("/bin/sh", "-c",
                "umask; readlink /proc/self/fd/7; cat /proc/self/oom_score_adj; echo \"$OCITK_PROBE\"", "probe"));
        CommandResult r = new CommandRunner(tmp.resolve("calls")).run(argv, Duration.ofSeconds(10), Stdio.captured());

        assertThat(r.succeeded()).as(r.describe()).isTrue();
        assertThat(r.stdout().lines().toList())
                .containsExactly("0077", held.toString(), Integer.toString(oomNow + 3), "a 'b' $c");
    }

    @Test
    void socketActivationNamesTheLaunchedProcess(@TempDir Path tmp) {
        List<String> argv = new LaunchEnvironment().socketActivation(2)
                .wrap(List.of("/bin/sh", "-c", "echo $LISTEN_FDS; [ \"$LISTEN_PID\" = $$ ] && echo same-pid"));
        CommandResult r = new CommandRunner(tmp).run(argv, Duration.ofSeconds(10), Stdio.captured());

        assertThat(r.stdout().lines().toList()).containsExactly("2", "same-pid");
    }

    @Test
    void withoutSettingsTheCommandRunsUnchanged(@TempDir Path tmp) {
        CommandResult r = new CommandRunner(tmp).run(new LaunchEnvironment().wrap(List.of("/bin/echo", "a b", "")),
                Duration.ofSeconds(10), Stdio.captured());

        assertThat(r.stdout()).isEqualTo("a b \n");
    }
}
