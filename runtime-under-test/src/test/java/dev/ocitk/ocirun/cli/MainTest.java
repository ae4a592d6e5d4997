package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI contract that needs no root: one-line errors, exit codes, state of unknown ids, features. */
class MainTest {
    @TempDir
    Path root;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o));
        System.setErr(new PrintStream(e));
        try {
            return new Run(Main.run(args), o.toString(), e.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void stateOfAnUnknownContainerIsAOneLineError() {
        Run r = run("--root", root.toString(), "state", "nope");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ocirun: container \"nope\" does not exist\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void everyVerbNeedsItsId() {
        for (String verb : new String[] {"state", "start", "kill", "delete", "create"}) {
            Run r = run("--root", root.toString(), verb);
            assertThat(r.code()).as(verb).isEqualTo(2);
            assertThat(r.err().lines().count()).isEqualTo(1);
            assertThat(r.err()).contains("needs ID");
        }
    }

    @Test
    void unknownVerbsAndBadSignalsAreErrors() {
        assertThat(run("bogus").code()).isEqualTo(2);
        Run r = run("--root", root.toString(), "kill", "c1", "SIGNOPE");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("unknown signal \"SIGNOPE\"");
    }

    @Test
    void logFormatJsonWritesOneObjectPerLine() throws Exception {
        Path log = root.resolve("log.json");
        run("--root", root.toString(), "--log", log.toString(), "--log-format", "json", "delete", "nope");
        String line = java.nio.file.Files.readString(log).strip();
        assertThat(line).startsWith("{\"level\":\"error\",\"msg\":\"container \\\"nope\\\" does not exist\"");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("time").asText()).isNotEmpty();
    }

    @Test
    void featuresAndHelpWork() {
        assertThat(run("features").out()).contains("\"ociVersionMax\" : \"1.3.0\"");
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("create", "state", "kill", "--root");
        assertThat(run("list", "--help").out()).contains("--quiet");
    }
}
