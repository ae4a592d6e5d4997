package dev.ocitk.ocirun.spec;

import dev.ocitk.ocirun.OcirunException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecLoaderTest {

    static String defaultConfig() throws IOException {
        try (InputStream in = SpecLoaderTest.class.getResourceAsStream("/dev/ocitk/ocirun/default-config.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void parsesTheDefaultConfigThatSpecWrites() throws IOException {
        Spec spec = SpecLoader.parse(defaultConfig());
        assertThat(spec.ociVersion()).isEqualTo("1.3.0");
        assertThat(spec.root().path()).isEqualTo("rootfs");
        assertThat(spec.root().readonly()).isTrue();
        assertThat(spec.process().args()).containsExactly("sh");
        assertThat(spec.process().capabilities().bounding()).contains("CAP_KILL");
        assertThat(spec.mounts()).extracting(Spec.Mount::destination).startsWith("/proc", "/dev");
        assertThat(spec.linux().namespaces()).extracting(LinuxSpec.Namespace::type).contains("pid", "mount");
        assertThat(SpecValidator.validate(spec)).isEmpty();
    }

    @Test
    void keepsTheFullUnsignedRangeOfRlimits() {
        Spec spec = SpecLoader.parse("""
                {"ociVersion":"1.0.0","root":{"path":"r"},"process":{"cwd":"/","args":["a"],
                 "rlimits":[{"type":"RLIMIT_CORE","soft":18446744073709551615,"hard":18446744073709551615}]}}""");
        Spec.Rlimit r = spec.process().rlimits().get(0);
        assertThat(Long.toUnsignedString(r.hard())).isEqualTo("18446744073709551615");
        assertThat(r.soft()).isEqualTo(-1L);
    }

    @Test
    void rejectsNegativeUnsignedValuesNamingTheField() {
        assertThatThrownBy(() -> SpecLoader.parse("""
                {"ociVersion":"1.0.0","root":{"path":"r"},"process":{"cwd":"/","args":["a"],"user":{"uid":-1,"gid":0}}}"""))
                .isInstanceOf(OcirunException.class)
                .hasMessageContaining("/process/user/uid")
                .hasMessageContaining("uint32")
                .hasMessageNotContaining("\n");
    }

    @Test
    void ignoresUnknownProperties() {
        Spec spec = SpecLoader.parse("""
                {"ociVersion":"1.0.0","root":{"path":"r","x-extra":1},"org.example.future":{"a":[1,2]}}""");
        assertThat(spec.root().path()).isEqualTo("r");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThatThrownBy(() -> SpecLoader.parse("{\"ociVersion\":\"1.0.0\",\"ociVersion\":\"1.1.0\"}"))
                .isInstanceOf(OcirunException.class)
                .hasMessageContaining("Duplicate field 'ociVersion'");
    }

    @Test
    void reportsSyntaxErrorsWithAPosition() {
        assertThatThrownBy(() -> SpecLoader.parse("{\"ociVersion\": }"))
                .isInstanceOf(OcirunException.class)
                .hasMessageStartingWith("invalid config.json: ")
                .hasMessageContaining("line 1");
    }

    @Test
    void reportsWhereAnUnclosedObjectOpenedWithoutJacksonsSourceNote() {
        assertThatThrownBy(() -> SpecLoader.parse("{\"ociVersion\": \"1.3.0\", \"root\": {\"path\": \"rootfs\"\n"))
                .isInstanceOf(OcirunException.class)
                .hasMessageContaining("(opened at line 1 column 33)")
                .hasMessageEndingWith("at line 2 column 1")
                .message().doesNotContain("Source", "REDACTED");
    }

    @Test
    void reportsATypeErrorWithItsPointer() {
        assertThatThrownBy(() -> SpecLoader.parse("""
                {"ociVersion":"1.0.0","root":{"path":"r"},"mounts":[{"destination":"/a","options":"ro"}]}"""))
                .isInstanceOf(OcirunException.class)
                .hasMessageContaining("/mounts/0/options");
    }

    @Test
    void readsClassAndFinalDespiteBeingJavaKeywords() {
        Spec spec = SpecLoader.parse("""
                {"ociVersion":"1.0.0","root":{"path":"r"},"process":{"cwd":"/","args":["a"],
                 "ioPriority":{"class":"IOPRIO_CLASS_IDLE","priority":4},"execCPUAffinity":{"initial":"0","final":"0-1"}}}""");
        assertThat(spec.process().ioPriority().ioClass()).isEqualTo("IOPRIO_CLASS_IDLE");
        assertThat(spec.process().execCPUAffinity().last()).isEqualTo("0-1");
    }
}
