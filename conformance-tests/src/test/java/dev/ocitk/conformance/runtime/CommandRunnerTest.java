package dev.ocitk.conformance.runtime;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.host.ProcessFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandRunnerTest {

    @TempDir
    Path dir;

    @Test
    void capturesExitCodeAndBothStreams() throws Exception {
        CommandResult r = new CommandRunner(dir).run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
                Duration.ofSeconds(10), Stdio.captured());

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        assertThat(r.reportedError()).isTrue();
        assertThat(r.describe()).contains("`sh -c 'echo out; echo err >&2; exit 3'` exited 3").contains("stderr: err");
        try (var files = Files.list(dir)) {
            assertThat(files).as("capture files are removed").isEmpty();
        }
    }

    @Test
    void killsACommandThatOverrunsItsDeadlineWithItsChildren() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        CommandResult r = new CommandRunner(dir).run(
                List.of("sh", "-c", "sleep 60 & echo $! > " + pidFile + "; wait"), Duration.ofMillis(500), Stdio.captured());

        assertThat(r.timedOut()).isTrue();
        assertThat(r.succeeded()).isFalse();
        assertThat(r.reportedError()).as("a hang is not an error report").isFalse();
        long child = Long.parseLong(Files.readString(pidFile).trim());
        // SIGKILL is delivered at once; the orphan is reaped by init a moment later.
        assertThat(Await.within(Duration.ofSeconds(5), () -> ProcessFacts.stat(child).map(s -> s.state() == 'Z').orElse(true)))
                .as("child %d killed", child).isTrue();
    }

    @Test
    void appendsToCallerFilesAndReportsOnlyWhatThisCallWrote() throws Exception {
        Path out = Files.writeString(dir.resolve("out"), "earlier\n");
        Path err = dir.resolve("err");

        CommandResult r = new CommandRunner(dir).run(List.of("echo", "now"), Duration.ofSeconds(10), Stdio.toFiles(out, err));

        assertThat(r.stdout()).isEqualTo("now\n");
        assertThat(out).hasContent("earlier\nnow");
    }

    @Test
    void aMissingBinaryIsExitCode127WithTheReason() {
        CommandResult r = new CommandRunner(dir).run(List.of(dir.resolve("nope").toString()), Duration.ofSeconds(5),
                Stdio.captured());

        assertThat(r.exitCode()).isEqualTo(127);
        assertThat(r.stderr()).startsWith("cannot execute");
    }
}
