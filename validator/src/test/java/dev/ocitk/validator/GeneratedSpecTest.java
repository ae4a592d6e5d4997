package dev.ocitk.validator;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What real runtimes generate lints with exactly the findings it deserves. The default configs of runc and crun
 * raise ambient capabilities without making them inheritable, which the kernel refuses (the capabilities stay
 * unset), so each deserves three warnings and nothing else. Skipped where the runtime is not installed.
 */
class GeneratedSpecTest {

    @TempDir
    Path bundle;

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("spec-out", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
            String output = Files.readString(out);
            assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
            return output;
        } finally {
            Files.delete(out);
        }
    }

    /** A busybox root filesystem: rootfs/bin/sh is busybox-static (or an executable stand-in without it). */
    private void busyboxRootfs() throws IOException {
        Path sh = Files.createDirectories(bundle.resolve("rootfs/bin")).resolve("sh");
        Path busybox = Path.of("/bin/busybox");
        if (Files.isRegularFile(busybox)) {
            Files.copy(busybox, sh, StandardCopyOption.COPY_ATTRIBUTES);
        } else {
            Files.writeString(sh, "#!/bin/sh\n");
            Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @ParameterizedTest(name = "{0} spec {1}")
    @CsvSource({"runc, ''", "runc, --rootless", "crun, ''", "crun, --rootless"})
    void defaultSpecDeservesOnlyTheAmbientCapabilityWarnings(String runtime, String flag) throws Exception {
        Assumptions.assumeTrue(onPath(runtime), runtime + " is not installed");
        List<String> command = new ArrayList<>(List.of(runtime, "spec"));
        if (!flag.isEmpty()) {
            command.add(flag);
        }
        run(bundle, command.toArray(String[]::new));
        busyboxRootfs();
        ValidationReport report = OciValidator.create().lintBundle(bundle);
        assertThat(report.findings())
                .extracting(Finding::ruleId, Finding::pointer, Finding::level)
                .containsExactly(
                        tuple("process.capabilities.ambient-not-permitted-inheritable", "/process/capabilities/ambient/0", Level.WARNING),
                        tuple("process.capabilities.ambient-not-permitted-inheritable", "/process/capabilities/ambient/1", Level.WARNING),
                        tuple("process.capabilities.ambient-not-permitted-inheritable", "/process/capabilities/ambient/2", Level.WARNING));
    }

    @Test
    void runcFeaturesIsOnlyNewerThanTheVersionItDeclares() throws Exception {
        Assumptions.assumeTrue(onPath("runc"), "runc is not installed");
        String features = run(bundle, "runc", "features");
        ValidationReport report = OciValidator.create().validateFeatures(features);
        String declared = new com.fasterxml.jackson.databind.ObjectMapper().readTree(features)
                .get("ociVersionMax").asText();
        if (declared.startsWith("1.0.")) {
            // runc 1.1 declares 1.0.2-dev but prints a features document, which the spec added in 1.1.0.
            assertThat(report.findings()).extracting(Finding::ruleId, Finding::pointer)
                    .containsExactly(tuple("version.field-newer", ""));
        } else {
            assertThat(report.findings()).filteredOn(f -> f.level() == Level.ERROR).isEmpty();
        }
        assertThat(features.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }
}
