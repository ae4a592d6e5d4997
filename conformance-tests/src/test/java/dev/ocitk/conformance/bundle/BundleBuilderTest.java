package dev.ocitk.conformance.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BundleBuilderTest {

    @TempDir
    static Path shared;

    static RootfsTemplate template;

    @TempDir
    Path dir;

    private final List<Bundle> checked = new ArrayList<>();
    private final List<Bundle> built = new ArrayList<>();

    @BeforeAll
    static void buildTemplate() {
        assumeTrue(Files.isRegularFile(Path.of("/bin/busybox")), "needs busybox-static at /bin/busybox");
        template = RootfsTemplate.build(Path.of("/bin/busybox"), shared.resolve("template"));
    }

    private BundleBuilder builder() {
        return new BundleBuilder(dir.resolve("b"), "ocitk-t-1", "1.0.2-dev", template, checked::add, built::add);
    }

    @Test
    void startsFromTheDefaultConfigWithTheRunsVersionAndAFlatCgroupPath() {
        ObjectNode c = builder().configSnapshot();

        assertThat(c.path("ociVersion").asText()).isEqualTo("1.0.2-dev");
        assertThat(c.at("/linux/cgroupsPath").asText()).isEqualTo("/ocitk-t-1");
        assertThat(c.at("/process/terminal").asBoolean(true)).isFalse();
        assertThat(c.at("/root/readonly").asBoolean(true)).isFalse();
        assertThat(c.at("/linux/namespaces").findValuesAsText("type")).containsExactly("pid", "network", "ipc", "uts", "mount");
    }

    @Test
    void typedEditsChangeExactlyTheirField() {
        ObjectNode c = builder().args("/bin/sh", "-c", "true").env("A=1").user(1000, 1000, 27).hostname("h")
                .annotation("k", "v").namespace("user").namespace("network", "/proc/1/ns/net").withoutNamespace("ipc")
                .withoutMount("/dev/mqueue").mount(Mount.bind(Path.of("/srv"), "/srv", "ro"))
                .hook(Hook.Kind.CREATE_RUNTIME, Hook.of("/bin/true", "true", "x").withTimeout(5))
                .rlimit("RLIMIT_NOFILE", 10, 20).configSnapshot();

        assertThat(c.at("/process/args").toString()).isEqualTo("[\"/bin/sh\",\"-c\",\"true\"]");
        assertThat(c.at("/process/env").toString()).contains("\"A=1\"");
        assertThat(c.at("/process/user/additionalGids").toString()).isEqualTo("[27]");
        assertThat(c.at("/annotations/k").asText()).isEqualTo("v");
        JsonNode ns = c.at("/linux/namespaces");
        assertThat(ns.findValuesAsText("type")).containsExactly("pid", "uts", "mount", "user", "network");
        assertThat(ns.get(4).path("path").asText()).isEqualTo("/proc/1/ns/net");
        assertThat(c.at("/mounts").findValuesAsText("destination")).doesNotContain("/dev/mqueue").endsWith("/srv");
        assertThat(c.at("/mounts/5/options").toString()).isEqualTo("[\"rbind\",\"ro\"]");
        assertThat(c.at("/hooks/createRuntime/0").toString())
                .isEqualTo("{\"path\":\"/bin/true\",\"args\":[\"true\",\"x\"],\"timeout\":5}");
        assertThat(c.at("/process/rlimits").toString()).isEqualTo("[{\"type\":\"RLIMIT_NOFILE\",\"hard\":20,\"soft\":10}]");
    }

    @Test
    void buildWritesConfigAndAFreshRootfsAndChecksTheConfig() throws Exception {
        Bundle bundle = builder().args("/bin/true").build();

        assertThat(checked).containsExactly(bundle);
        assertThat(built).containsExactly(bundle);
        assertThat(bundle.cgroupsPath()).contains("/ocitk-t-1");
        assertThat(bundle.config().at("/process/args/0").asText()).isEqualTo("/bin/true");
        assertThat(bundle.rootfs().resolve("bin/busybox")).isRegularFile();
        assertThat(Files.readSymbolicLink(bundle.rootfs().resolve("bin/sh"))).isEqualTo(Path.of("busybox"));
        assertThat(Files.getAttribute(bundle.rootfs().resolve("tmp"), "unix:mode")).isEqualTo(041777);
        assertThat(bundle.outDir()).isDirectory();
        assertThat(bundle.out("nothing")).isEmpty();
    }

    @Test
    void unvalidatedBuildsSkipTheCheck() {
        Bundle raw = builder().buildWithRawConfig("{ not json");

        assertThat(checked).isEmpty();
        assertThat(raw.configFile()).hasContent("{ not json");
    }

    @Test
    void releaseAndRewriteWorkOnTheBundleOnDisk() {
        Bundle bundle = builder().build();

        bundle.release();
        assertThat(bundle.rootfs().resolve("ocitk/release")).exists();
        bundle.resetRelease();
        assertThat(bundle.rootfs().resolve("ocitk/release")).doesNotExist();
        bundle.rewriteConfig(c -> c.put("hostname", "edited"));
        assertThat(bundle.config().path("hostname").asText()).isEqualTo("edited");
        assertThat(Optional.of(bundle.containerId())).contains("ocitk-t-1");
    }
}
