package dev.ocitk.validator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocitk.validator.testing.Fixtures;
import dev.ocitk.validator.testing.TempBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** bin/oci-validate itself, on the jar and AppCDS archive that {@code mvn package} built (run by failsafe). */
class LauncherIT {

    private static Path launcher;
    private static Path jar;

    @TempDir
    Path tmp;

    record Result(int status, String out, String err) {
    }

    @BeforeAll
    static void locate() {
        launcher = Path.of(System.getProperty("ocitk.launcher", "../bin/oci-validate")).toAbsolutePath().normalize();
        jar = Path.of(System.getProperty("ocitk.cliJar", "target/oci-validate.jar")).toAbsolutePath().normalize();
        assertThat(launcher).isExecutable();
        assertThat(jar).isRegularFile();
    }

    static Result run(Path script, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("launcher-out", ".txt");
        Path err = Files.createTempFile("launcher-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private Path bundle(String edits) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bundle"));
        var config = Fixtures.edit(Fixtures.load("config/minimal"), Fixtures.MAPPER.readTree(edits));
        return TempBundle.write(dir, Fixtures.json(config), Fixtures.MAPPER.readTree("{\"rootfs/bin/sh\": \"exec\"}"));
    }

    @Test
    void printsTheVersionFromTheJar() throws Exception {
        Result r = run(launcher, "", "--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("oci-validate 0.1.0").contains("runtime-spec 1.3.0");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void exitStatusFollowsTheFindings() throws Exception {
        Path clean = bundle("{}");
        assertThat(run(launcher, "", "bundle", clean.toString()).status()).isZero();
        Files.writeString(clean.resolve("config.json"), "{\"ociVersion\": \"1.3.0\"}");
        Result bad = run(launcher, "", "bundle", clean.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.out()).contains("schema.required");
        Result missing = run(launcher, "", "bundle", tmp.resolve("nothing").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err().lines()).hasSize(1);
    }

    @Test
    void machineReadableOutputIsNotPollutedByTheJvm() throws Exception {
        Result r = run(launcher, Fixtures.text("state/running"), "--format", "sarif", "state", "-");
        assertThat(r.status()).isZero();
        JsonNode log = Fixtures.MAPPER.readTree(r.out());
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aMissingJarGetsAOneLineHint() throws Exception {
        Path copy = Files.createDirectories(tmp.resolve("checkout/bin")).resolve("oci-validate");
        Files.copy(launcher, copy, StandardCopyOption.COPY_ATTRIBUTES);
        Result r = run(copy, "", "--version");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains("mvn -pl validator -am package");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aForeignArchiveIsIgnoredQuietly() throws Exception {
        // The archive records the original jar's path: next to a copy of the jar it does not apply.
        Path target = Files.createDirectories(tmp.resolve("checkout/validator/target"));
        Path copy = Files.createDirectories(tmp.resolve("checkout/bin")).resolve("oci-validate");
        Files.copy(launcher, copy, StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(jar, target.resolve("oci-validate.jar"));
        Path jsa = jar.resolveSibling("oci-validate.jsa");
        if (Files.exists(jsa)) {
            Files.copy(jsa, target.resolve("oci-validate.jsa"));
        }
        Result r = run(copy, "", "--format", "json", "rules");
        assertThat(r.status()).isZero();
        assertThat(r.out()).doesNotContain("[warning]").contains("process.cwd.absolute");
        assertThat(r.err()).isEmpty();
    }
}
