package dev.ocitk.conformance.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeInfoTest {

    @TempDir
    Path dir;

    /** A fake runtime answering --version and, if given, features. */
    private RuntimeClient fake(String versionText, String featuresJson) throws IOException {
        Path script = dir.resolve("fake-runtime");
        String features = featuresJson == null ? "echo 'unknown command' >&2; exit 1" : "echo '" + featuresJson + "'; exit 0";
        Files.writeString(script, "#!/bin/sh\n"
                + "for a in \"$@\"; do\n"
                + "  case \"$a\" in\n"
                + "    --version) printf '%b\\n' '" + versionText.replace("\n", "\\n") + "'; exit 0 ;;\n"
                + "    features) " + features + " ;;\n"
                + "  esac\n"
                + "done\n"
                + "exit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new RuntimeClient(script, List.of(), dir.resolve("root"), Duration.ofSeconds(10), new CommandRunner(dir.resolve("calls")));
    }

    private static RuntimeSettings settings(Map<String, String> props) {
        return RuntimeSettings.from(k -> Optional.ofNullable(props.get(k)));
    }

    @Test
    void takesTheSpecVersionFromFeatures() throws IOException {
        RuntimeInfo info = RuntimeInfo.detect(fake("runc version 1.1.5+ds1\nspec: 1.0.0",
                "{\"ociVersionMin\":\"1.0.0\",\"ociVersionMax\":\"1.0.2-dev\"}"), settings(Map.of()));

        assertThat(info.name()).isEqualTo("runc");
        assertThat(info.version()).isEqualTo("1.1.5");
        assertThat(info.baselineName()).isEqualTo("runc-1.1.5");
        assertThat(info.ociVersion()).hasToString("1.0.2-dev");
        assertThat(info.ociVersionSource()).isEqualTo("features ociVersionMax");
        assertThat(info.features()).isPresent();
    }

    @Test
    void fallsBackToTheSpecLineWithoutFeatures() throws IOException {
        RuntimeInfo info = RuntimeInfo.detect(fake("crun version 1.8.1\ncommit: f8a0\nspec: 1.0.0", null), settings(Map.of()));

        assertThat(info.name()).isEqualTo("crun");
        assertThat(info.ociVersion()).hasToString("1.0.0");
        assertThat(info.ociVersionSource()).isEqualTo("`--version` spec line");
        assertThat(info.features()).isEmpty();
    }

    @Test
    void thePropertyOverridesAndTheNameCanBeSet() throws IOException {
        RuntimeInfo info = RuntimeInfo.detect(fake("runc version 1.1.5",
                "{\"ociVersionMin\":\"1.0.0\",\"ociVersionMax\":\"1.0.2-dev\"}"),
                settings(Map.of("runtime.ociVersion", "1.0.0", "runtime.name", "my-runc")));

        assertThat(info.ociVersion()).hasToString("1.0.0");
        assertThat(info.ociVersionSource()).isEqualTo("-Druntime.ociVersion");
        assertThat(info.baselineName()).isEqualTo("my-runc-1.1.5");
    }

    @Test
    void withoutAnySourceItAsksForTheProperty() throws IOException {
        RuntimeClient client = fake("toy 0.1", null);

        assertThatThrownBy(() -> RuntimeInfo.detect(client, settings(Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("set -Druntime.ociVersion=X.Y.Z");
    }

    @Test
    void settingsParseDurationsAndSplitArgs() {
        RuntimeSettings s = settings(Map.of("runtime.timeout", "250ms", "runtime.args", " --debug  --log x ", "strict", "true"));

        assertThat(s.callTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.globalArgs()).containsExactly("--debug", "--log", "x");
        assertThat(s.strict()).isTrue();
        assertThat(RuntimeSettings.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(RuntimeSettings.parseDuration("7")).isEqualTo(Duration.ofSeconds(7));
        assertThatThrownBy(() -> RuntimeSettings.parseDuration("soon")).hasMessageContaining("runtime.timeout");
    }

    @Test
    void preflightNamesWhatIsWrongWithTheBinary() throws IOException {
        Path notExecutable = Files.writeString(dir.resolve("plain"), "x");

        assertThat(RuntimePreflight.check(dir.resolve("missing"))).get().asString().contains("does not exist");
        assertThat(RuntimePreflight.check(dir)).get().asString().contains("is not a regular file");
        assertThat(RuntimePreflight.check(notExecutable)).get().asString().contains("is not executable");
    }

    @Test
    void preflightQuotesWhatABrokenBinarySaid() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken"), "#!/bin/sh\necho 'runtime.jar is missing: build it' >&2\nexit 127\n");
        broken.toFile().setExecutable(true);

        assertThat(RuntimePreflight.check(broken)).get().asString()
                .contains("exited 127: runtime.jar is missing: build it");
    }
}
