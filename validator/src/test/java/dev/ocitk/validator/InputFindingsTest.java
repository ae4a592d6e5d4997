package dev.ocitk.validator;

import dev.ocitk.validator.internal.json.JsonInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Bad input comes back as one input.* finding at the document root, never as an exception or a hang. */
class InputFindingsTest {

    private final OciValidator validator = OciValidator.create();

    @TempDir
    Path tmp;

    private static void assertOnly(ValidationReport report, String rule, String messagePart) {
        assertThat(report.findings())
                .extracting(Finding::ruleId, Finding::pointer, Finding::level)
                .containsExactly(tuple(rule, "", Level.ERROR));
        assertThat(report.findings().get(0).message()).contains(messagePart).doesNotContain("\n");
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        assertOnly(validator.validateConfig("{\n  \"ociVersion\": \"1.3.0\",\n}"), "input.invalid-json", "line 3, column 1");
        assertOnly(validator.validateState("not json"), "input.invalid-json", "line 1");
        assertOnly(validator.validateFeatures(""), "input.invalid-json", "empty");
    }

    @Test
    void deepNestingIsAFindingNotAStackOverflow() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        ValidationReport report = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> validator.validateConfig(deep));
        assertOnly(report, "input.too-deep", "512");
    }

    @Test
    void duplicateKeysAreReportedWhereTheyAre() {
        ValidationReport report = validator.validateState("""
                {"ociVersion": "1.3.0", "id": "a", "id": "b", "status": "stopped", "bundle": "/b"}""");
        assertThat(report.findings()).extracting(Finding::ruleId, Finding::pointer)
                .containsExactly(tuple("input.duplicate-key", "/id"));
    }

    @Test
    void aHundredMegabyteConfigIsRefusedWithoutReadingIt() throws IOException {
        Path bundle = Files.createDirectories(tmp.resolve("big"));
        try (RandomAccessFile f = new RandomAccessFile(bundle.resolve("config.json").toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024); // sparse: costs no disk and shows that nothing reads it
        }
        ValidationReport report = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> validator.lintBundle(bundle));
        assertOnly(report, "input.too-large", "100.0 MiB");
    }

    @Test
    void oversizedTextIsRefused() {
        String big = " ".repeat(JsonInput.MAX_BYTES + 1);
        assertOnly(validator.validateConfig(big), "input.too-large", "16 MiB");
    }

    @Test
    void bundleWithoutConfigIsAFinding() throws IOException {
        Path bundle = Files.createDirectories(tmp.resolve("empty"));
        assertOnly(validator.lintBundle(bundle), "bundle.config.missing", "config.json");
    }

    @Test
    void unreadableConfigIsAFinding() throws IOException {
        Path bundle = Files.createDirectories(tmp.resolve("dir-config"));
        Files.createDirectory(bundle.resolve("config.json"));
        assertOnly(validator.lintBundle(bundle), "input.unreadable", "not a regular file");
        assertOnly(validator.lintBundle(tmp.resolve("no-such-bundle")), "input.unreadable", "not a directory");
        Path dangling = Files.createDirectories(tmp.resolve("dangling"));
        Files.createSymbolicLink(dangling.resolve("config.json"), Path.of("nowhere.json"));
        assertOnly(validator.lintBundle(dangling), "input.unreadable", "dangling symlink");
    }

    @Test
    void binaryGarbageInABundleIsInvalidJson() throws IOException {
        Path bundle = Files.createDirectories(tmp.resolve("garbage"));
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(bundle.resolve("config.json"), garbage);
        ValidationReport report = validator.lintBundle(bundle);
        assertThat(report.findings()).extracting(Finding::ruleId).isEqualTo(List.of("input.invalid-json"));
    }
}
