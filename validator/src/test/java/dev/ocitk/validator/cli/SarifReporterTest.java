package dev.ocitk.validator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocitk.validator.OciValidator;
import dev.ocitk.validator.testing.Fixtures;
import dev.ocitk.validator.testing.TempBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SARIF output against the parts of SARIF 2.1.0 that GitHub code scanning relies on and that can be checked
 * offline: required properties, enumerated values, rule references and URI forms.
 */
class SarifReporterTest {

    private Path work;

    @BeforeEach
    void createBundlesUnderTheWorkingDirectory() throws IOException {
        // Under the working directory so their URIs are relative, as in a repository checkout.
        work = Files.createDirectories(Path.of("target", "sarif-test"));
    }

    @AfterEach
    void removeBundles() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Path bundle(String name, String edits) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        var config = Fixtures.edit(Fixtures.load("config/minimal"), Fixtures.MAPPER.readTree(edits));
        return TempBundle.write(dir, Fixtures.json(config), Fixtures.MAPPER.readTree("{\"rootfs/bin/sh\": \"exec\"}"));
    }

    private JsonNode sarif(String... args) throws IOException {
        CliRun run = CliRun.of(args);
        return Fixtures.MAPPER.readTree(run.out());
    }

    @Test
    void logHasTheRequiredTopLevelShape() throws IOException {
        Path b = bundle("top", "{\"set\": {\"/process/cwd\": \"x\"}}");
        JsonNode log = sarif("--format", "sarif", "bundle", b.toString());
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.get("runs")).hasSize(1);
        JsonNode driver = log.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("oci-validate");
        JsonNode rules = driver.get("rules");
        assertThat(rules).hasSize(OciValidator.rules().size());
        Set<String> ids = new HashSet<>();
        for (JsonNode rule : rules) {
            assertThat(ids.add(rule.get("id").asText())).as("unique rule id").isTrue();
            assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
            assertThat(URI.create(rule.get("helpUri").asText()).isAbsolute()).isTrue();
            assertThat(rule.at("/defaultConfiguration/level").asText()).isIn("none", "note", "warning", "error");
        }
        assertThat(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isTrue();
        URI base = URI.create(log.at("/runs/0/originalUriBaseIds/%SRCROOT%/uri").asText());
        assertThat(base.getScheme()).isEqualTo("file");
        assertThat(base.getPath()).endsWith("/");
    }

    @Test
    void resultsReferenceTheirRuleAndPointIntoTheFile() throws IOException {
        Path b = bundle("results", "{\"set\": {\"/process/cwd\": \"x\", \"/annotations\": {\"k\": \"v\"}},"
                + " \"remove\": [\"/process/user/uid\"]}");
        JsonNode log = sarif("--format", "sarif", "bundle", b.toString());
        JsonNode rules = log.at("/runs/0/tool/driver/rules");
        JsonNode results = log.at("/runs/0/results");
        assertThat(results).extracting(r -> r.get("ruleId").asText())
                .contains("process.cwd.absolute", "annotations.reverse-domain", "schema.required");
        for (JsonNode r : results) {
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
            assertThat(r.get("level").asText()).isIn("none", "note", "warning", "error");
            assertThat(r.at("/message/text").asText()).isNotBlank();
            JsonNode physical = r.at("/locations/0/physicalLocation");
            String uri = physical.at("/artifactLocation/uri").asText();
            assertThat(uri).isEqualTo("target/sarif-test/results/config.json");
            assertThat(URI.create(uri).isAbsolute()).isFalse();
            assertThat(physical.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
            assertThat(physical.at("/region/startLine").asInt()).isPositive();
            assertThat(physical.at("/region/startColumn").asInt()).isPositive();
            assertThat(r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).startsWith("/");
        }
        JsonNode cwd = results.findParents("ruleId").stream()
                .filter(r -> r.get("ruleId").asText().equals("process.cwd.absolute")).findFirst().orElseThrow();
        assertThat(cwd.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("/process/cwd");
        assertThat(cwd.get("level").asText()).isEqualTo("error");
    }

    @Test
    void unreadableInputsAreNotificationsOfAFailedInvocation() throws IOException {
        JsonNode log = sarif("--format", "sarif", "bundle", work.resolve("missing").toString());
        assertThat(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isFalse();
        assertThat(log.at("/runs/0/invocations/0/toolExecutionNotifications/0/level").asText()).isEqualTo("error");
        assertThat(log.at("/runs/0/results")).isEmpty();
    }

    @Test
    void fileUrisAreEncodedAndRelativeOnlyInsideTheWorkingDirectory() {
        assertThat(SarifReporter.fileUri("a b/c#d/config.json")).isEqualTo("a%20b/c%23d/config.json");
        assertThat(SarifReporter.fileUri("./x/../y/config.json")).isEqualTo("y/config.json");
        assertThat(SarifReporter.fileUri("bündel/config.json")).isEqualTo("b%C3%BCndel/config.json");
        assertThat(SarifReporter.fileUri("/somewhere/else/config.json")).isEqualTo("file:///somewhere/else/config.json");
        assertThat(SarifReporter.fileUri(Path.of("q/config.json").toAbsolutePath().toString())).isEqualTo("q/config.json");
        for (String u : new String[] {"a%20b/c%23d/config.json", "file:///somewhere/else/config.json"}) {
            assertThat(URI.create(u)).isNotNull();
        }
        assertThat(SarifReporter.level(dev.ocitk.validator.Level.INFO)).isEqualTo("note");
    }
}
