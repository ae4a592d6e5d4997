package dev.ocitk.validator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.validator.internal.json.Pointers;
import dev.ocitk.validator.testing.Fixtures;
import dev.ocitk.validator.testing.TempBundle;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bundle lint over a hostile rootfs (link loops, long chains, links to host paths and above the root, dangling
 * links, files where directories are expected) with the program, working directory, hooks and mounts pointed at
 * random paths of it: lint always returns promptly, and every finding is well formed.
 */
class BundlePropertyTest {

    private static Path bundle;

    private static final List<String> PATHS = List.of("/bin/sh", "/bin/loop", "/a", "/b/c", "/chain0", "/up",
            "/host", "/dangling", "/file/below", "/bin", "/", "..", "../../x", "", "sh", "loop", "./sh", "chain0",
            "/proc/self", "/bin/sh/", "//bin//sh", "/\u0000", "/dir/../bin/sh", "relative/path");

    @BeforeContainer
    static void hostileRootfs() throws IOException {
        bundle = Files.createTempDirectory("oci-validate-property");
        String files = """
                {"rootfs/bin/sh": "exec", "rootfs/file": "file", "rootfs/dir": "dir",
                 "rootfs/bin/loop": "link:/bin/loop", "rootfs/a": "link:b", "rootfs/b": "link:/a",
                 "rootfs/up": "link:../../../../../../etc", "rootfs/host": "link:/etc/passwd",
                 "rootfs/dangling": "link:/nowhere", "data": "dir"}""";
        TempBundle.write(bundle, "{}", Fixtures.MAPPER.readTree(files));
        for (int i = 0; i < 45; i++) {
            Files.createSymbolicLink(bundle.resolve("rootfs/chain" + i), Path.of("/chain" + (i + 1)));
        }
    }

    @AfterContainer
    static void removeRootfs() throws IOException {
        try (Stream<Path> files = Files.walk(bundle)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.oneOf(Arbitraries.of(PATHS), Arbitraries.strings().ofMaxLength(10).map(s -> "/" + s));
    }

    @Property(tries = 150)
    void lintReturnsPromptlyWithWellFormedFindings(@ForAll("paths") String program, @ForAll("paths") String cwd,
                                                   @ForAll("paths") String hook, @ForAll("paths") String source,
                                                   @ForAll("paths") String pathVariable) throws IOException {
        ObjectNode config = Fixtures.load("config/minimal");
        Fixtures.set(config, "/process/args/0", Fixtures.MAPPER.valueToTree(program));
        Fixtures.set(config, "/process/cwd", Fixtures.MAPPER.valueToTree(cwd));
        Fixtures.set(config, "/process/env/0", Fixtures.MAPPER.valueToTree("PATH=" + pathVariable + ":/bin"));
        Fixtures.set(config, "/hooks", Fixtures.MAPPER.valueToTree(Map.of(
                "startContainer", List.of(Map.of("path", hook)),
                "poststop", List.of(Map.of("path", hook)))));
        Fixtures.set(config, "/mounts", Fixtures.MAPPER.valueToTree(List.of(Map.of(
                "destination", "/mnt", "source", source, "options", List.of("rbind")))));
        Files.writeString(bundle.resolve("config.json"), Fixtures.json(config), StandardCharsets.UTF_8);
        long start = System.nanoTime();
        ValidationReport report = OciValidator.create().lintBundle(bundle);
        assertThat((System.nanoTime() - start) / 1_000_000).as("lint time in ms").isLessThan(2_000);
        assertThat(report.findings()).allSatisfy(f -> {
            assertThat(OciValidator.rules()).anyMatch(r -> r.id().equals(f.ruleId()) && r.level() == f.level());
            assertThat(Pointers.resolve(config, f.pointer())).as(f.toString()).isNotNull();
            assertThat(f.message()).doesNotContain("\n");
        });
    }
}
