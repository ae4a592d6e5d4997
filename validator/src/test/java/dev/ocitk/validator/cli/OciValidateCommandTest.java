package dev.ocitk.validator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocitk.validator.testing.Fixtures;
import dev.ocitk.validator.testing.TempBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class OciValidateCommandTest {

    @TempDir
    Path tmp;

    /** A bundle with a busybox-like rootfs whose config has exactly the given edits applied to config/minimal. */
    private Path bundle(String name, String editsJson) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        var config = Fixtures.edit(Fixtures.load("config/minimal"), Fixtures.MAPPER.readTree(editsJson));
        return TempBundle.write(dir, Fixtures.json(config), Fixtures.MAPPER.readTree("{\"rootfs/bin/sh\": \"exec\"}"));
    }

    @Test
    void cleanBundleExitsZeroAndSaysOk() throws IOException {
        Path b = bundle("clean", "{}");
        CliRun run = CliRun.of("bundle", b.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains(b + "/config.json: ok").contains("1 input checked: 0 errors");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void errorsExitOneWithFileLineAndColumn() throws IOException {
        Path b = bundle("bad", "{\"set\": {\"/process/cwd\": \"relative\"}}");
        CliRun run = CliRun.of("bundle", b.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).containsPattern(
                "\\Q" + b + "/config.json:\\E\\d+:\\d+: error process.cwd.absolute at /process/cwd: .* \\(config.md#process\\)");
    }

    @Test
    void warningsFailOnlyWhenAskedTo() throws IOException {
        Path b = bundle("warn", "{\"set\": {\"/annotations\": {\"gpu\": \"1\"}}}");
        assertThat(CliRun.of("bundle", b.toString()).status()).isZero();
        assertThat(CliRun.of("--fail-on", "warning", "bundle", b.toString()).status()).isEqualTo(1);
        assertThat(CliRun.of("bundle", "--fail-on=WARNING", b.toString()).status()).isEqualTo(1);
    }

    @Test
    void manyBundlesInOneRun() throws IOException {
        Path a = bundle("a", "{}");
        Path b = bundle("b", "{\"set\": {\"/process/cwd\": \"x\"}}");
        Path c = Files.createDirectories(tmp.resolve("c-without-config"));
        CliRun run = CliRun.of("bundle", a.toString(), b.toString(), c.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains(a + "/config.json: ok")
                .contains("process.cwd.absolute")
                .contains(c + "/config.json: error bundle.config.missing")
                .contains("3 inputs checked: 2 errors");
        assertThat(run.err()).as("no progress line when stderr is not a terminal").isEmpty();
    }

    @Test
    void unreadableInputsExitTwoWithOneLineEach() throws IOException {
        Path a = bundle("fine", "{}");
        CliRun run = CliRun.of("bundle", a.toString(), tmp.resolve("nope").toString(), "/etc/hostname");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "oci-validate: " + tmp.resolve("nope") + ": no such file or directory",
                "oci-validate: /etc/hostname: not a directory (a bundle is a directory holding config.json)");
        assertThat(run.out()).contains(a + "/config.json: ok").contains("2 unreadable");
        CliRun missingFile = CliRun.of("config", tmp.resolve("none.json").toString());
        assertThat(missingFile.status()).isEqualTo(2);
        assertThat(missingFile.err()).isEqualTo("oci-validate: " + tmp.resolve("none.json") + ": no such file or directory\n");
        assertThat(CliRun.of("config", tmp.toString()).err()).contains("is a directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bundle", "frobnicate", "bundle --no-such-flag x", "--format=xml config x", "--fail-on=never config x"})
    void usageErrorsExitTwoWithOneLine(String args) {
        CliRun run = CliRun.of(args.isEmpty() ? new String[0] : args.split(" "));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("oci-validate: ").contains("try:");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void documentsFromStandardInput() {
        String state = Fixtures.text("state/running");
        CliRun ok = CliRun.withStdin(state, "state", "-");
        assertThat(ok.status()).isZero();
        assertThat(ok.out()).contains("-: ok");
        CliRun bad = CliRun.withStdin("{\"ociVersion\": \"1.3.0\",\n \"id\": 5}", "state", "-");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.out()).contains("-:2:2: error schema.type at /id");
    }

    @Test
    void invalidJsonIsAFindingWithItsPlace() throws IOException {
        Path f = Files.writeString(tmp.resolve("broken.json"), "{\n  \"ociVersion\": \"1.3.0\"\n  \"root\": {}\n}");
        CliRun run = CliRun.of("config", f.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains(f + ":3:3: error input.invalid-json");
    }

    @Test
    void badInputsNeverHangOrTrace() throws IOException {
        Path deep = Files.writeString(tmp.resolve("deep.json"), "[".repeat(100_000) + "]".repeat(100_000));
        Path garbage = tmp.resolve("garbage.json");
        byte[] bytes = new byte[65536];
        new java.util.Random(1).nextBytes(bytes);
        Files.write(garbage, bytes);
        Path huge = tmp.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024);
        }
        Path loop = bundle("loop", "{\"set\": {\"/process/args/0\": \"/bin/loop\"}}");
        Files.createSymbolicLink(loop.resolve("rootfs/bin/loop"), Path.of("/bin/loop"));
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.of("config",
                deep.toString(), garbage.toString(), huge.toString()));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("input.too-deep").contains("input.invalid-json").contains("input.too-large");
        assertThat(run.err()).isEmpty();
        CliRun loopRun = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.of("bundle", loop.toString()));
        assertThat(loopRun.out()).contains("warning rootfs.symlink-loop at /process/args/0");
        assertThat(loopRun.err()).isEmpty();
    }

    @Test
    void endlessDevicesAreReadOnlyUpToTheLimit() {
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of("config", "/dev/zero"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("/dev/zero: error input.too-large");
    }

    @Test
    void jsonOutputCarriesEveryFindingWithItsPlace() throws IOException {
        Path b = bundle("json", "{\"set\": {\"/process/cwd\": \"x\", \"/annotations\": {\"k\": \"v\"}}}");
        CliRun run = CliRun.of("--format", "json", "bundle", b.toString(), tmp.resolve("missing").toString());
        assertThat(run.status()).isEqualTo(2);
        JsonNode doc = Fixtures.MAPPER.readTree(run.out());
        assertThat(doc.get("specVersion").asText()).isEqualTo("1.3.0");
        JsonNode first = doc.get("inputs").get(0);
        assertThat(first.get("passed").asBoolean()).isFalse();
        assertThat(first.get("findings")).extracting(f -> f.get("ruleId").asText())
                .as("in file order").containsExactly("process.cwd.absolute", "annotations.reverse-domain");
        assertThat(first.get("findings")).allSatisfy(f -> {
            assertThat(f.get("line").asInt()).isPositive();
            assertThat(f.get("helpUri").asText()).startsWith("https://github.com/opencontainers/runtime-spec/blob/v1.3.0/");
        });
        assertThat(doc.get("inputs").get(1).get("error").asText()).isEqualTo("no such file or directory");
        assertThat(doc.at("/summary/errors").asInt()).isEqualTo(1);
        assertThat(doc.at("/summary/warnings").asInt()).isEqualTo(1);
        assertThat(doc.at("/summary/unreadable").asInt()).isEqualTo(1);
    }

    @Test
    void rulesCommandListsTheCatalogue() {
        CliRun run = CliRun.of("rules");
        assertThat(run.status()).isZero();
        assertThat(run.out().lines().count()).isEqualTo(dev.ocitk.validator.OciValidator.rules().size());
        assertThat(run.out()).contains("process.cwd.absolute").contains("config.md#process");
    }
}
