package dev.ocitk.conformance.verdict;

import dev.ocitk.conformance.catalogue.CatalogueEntry;
import dev.ocitk.conformance.catalogue.RequirementCatalogue;
import dev.ocitk.conformance.catalogue.SpecVersion;
import dev.ocitk.conformance.leak.Leak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTest {

    private static final String TEST = "lifecycle.DeleteIT#deleteOfCreatedContainerIsAnErrorWithoutEffect";

    private static final RequirementCatalogue CATALOGUE = RequirementCatalogue.parse(Map.of(
            "runtime.yaml", """
                    area: runtime
                    requirements:
                      - {id: runtime.delete.not-stopped-error, level: MUST, spec: runtime.md#delete, since: 1.0.0, summary: s}
                      - {id: runtime.delete.removes-resources, level: MUST, spec: runtime.md#delete, since: 1.0.0, summary: s}
                      - {id: runtime.kill.default-signal-term, level: SHOULD, spec: runtime.md#kill, since: 1.0.0, summary: s}
                      - {id: runtime.delete.id-reusable, level: MAY, spec: runtime.md#delete, since: 1.0.0, summary: s}
                      - {id: runtime.features.new, level: MUST, spec: features.md#features-structure, since: 1.1.0, summary: s}
                      - {id: runtime.hooks.unclear, level: MUST, spec: config.md#prestart, since: 1.0.0, summary: s, ambiguous: true}
                    """));

    @TempDir
    Path dir;

    private Verdicts verdicts(String baselineYaml, String declared, boolean strict) throws IOException {
        Baseline baseline = Baseline.none();
        if (baselineYaml != null) {
            Files.writeString(dir.resolve("runtime.yaml"), baselineYaml);
            baseline = Baseline.load(dir, CATALOGUE, getClass().getClassLoader());
        }
        return new Verdicts(baseline, SpecVersion.parse(declared), strict);
    }

    private static List<CatalogueEntry> reqs(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> CATALOGUE.require(id, "test")).toList();
    }

    @Test
    void mustFailureStaysAFailure() throws IOException {
        AssertionError failure = new AssertionError("boom");

        assertThat(verdicts(null, "1.0.2", false).judgeFailure(TEST, reqs("runtime.delete.not-stopped-error"), failure))
                .isSameAs(failure);
    }

    @Test
    void baselinedFailureIsExpectedOnlyWithTheListedText() throws IOException {
        Verdicts v = verdicts("""
                deviations:
                  - test: %s
                    requirement: runtime.delete.not-stopped-error
                    failure: "but it succeeded"
                    reason: runtime.md#delete says so
                """.formatted(TEST), "1.0.2", false);

        assertThat(v.judgeFailure(TEST, reqs("runtime.delete.not-stopped-error"), new AssertionError("x, but it succeeded")))
                .isInstanceOf(ExpectedFailure.class).hasMessageContaining("expected failure");
        assertThat(v.judgeFailure(TEST, reqs("runtime.delete.not-stopped-error"), new AssertionError("something else")))
                .isNotInstanceOf(TestAbortedException.class);
        assertThat(v.judgePass(TEST)).get().isInstanceOf(UnexpectedPass.class);
        assertThat(v.judgePass("lifecycle.DeleteIT#deleteOfUnknownContainerIsAnError")).isEmpty();
    }

    @Test
    void newerRequirementIsReportedAsNewerThanDeclaredUnlessStrict() throws IOException {
        AssertionError failure = new AssertionError("no features");

        assertThat(verdicts(null, "1.0.2-dev", false).judgeFailure(TEST, reqs("runtime.features.new"), failure))
                .isInstanceOf(NewerThanDeclared.class).hasMessageContaining("1.1.0").hasMessageContaining("1.0.2-dev");
        assertThat(verdicts(null, "1.1.0", false).judgeFailure(TEST, reqs("runtime.features.new"), failure)).isSameAs(failure);
        assertThat(verdicts(null, "1.0.2-dev", true).judgeFailure(TEST, reqs("runtime.features.new"), failure)).isSameAs(failure);
    }

    @Test
    void shouldMissIsAWarningUnlessStrictMayMissAndAmbiguityAreAlwaysWarnings() throws IOException {
        AssertionError failure = new AssertionError("missed");

        assertThat(verdicts(null, "1.0.2", false).judgeFailure(TEST, reqs("runtime.kill.default-signal-term"), failure))
                .isInstanceOf(RecommendationMissed.class);
        assertThat(verdicts(null, "1.0.2", true).judgeFailure(TEST, reqs("runtime.kill.default-signal-term"), failure))
                .isSameAs(failure);
        assertThat(verdicts(null, "1.0.2", true).judgeFailure(TEST, reqs("runtime.delete.id-reusable"), failure))
                .isInstanceOf(RecommendationMissed.class);
        assertThat(verdicts(null, "1.0.2", true).judgeFailure(TEST, reqs("runtime.hooks.unclear"), failure))
                .isInstanceOf(RecommendationMissed.class);
        assertThat(verdicts(null, "1.0.2", false).judgeFailure(TEST,
                reqs("runtime.kill.default-signal-term", "runtime.delete.not-stopped-error"), failure)).isSameAs(failure);
    }

    @Test
    void crashesAndSkipsAreNeverExempted() throws IOException {
        Verdicts v = verdicts(null, "1.0.2", false);
        IllegalStateException crash = new IllegalStateException("harness bug");
        TestAbortedException skip = new TestAbortedException("no cgroup v2");

        assertThat(v.judgeFailure(TEST, reqs("runtime.delete.id-reusable"), crash)).isSameAs(crash);
        assertThat(v.judgeFailure(TEST, reqs("runtime.delete.id-reusable"), skip)).isSameAs(skip);
    }

    @Test
    void leaksFailUnlessBaselinedAndDirtyHostsAreSuiteErrors() throws IOException {
        CatalogueEntry leakReq = CATALOGUE.require(Baseline.LEAK_REQUIREMENT, "leak check");
        List<Leak> leaks = List.of(new Leak(Leak.Kind.CGROUP, "/sys/fs/cgroup/pids/ocitk-1"));

        assertThat(verdicts(null, "1.0.2", false).judgeLeaks(TEST, leaks, List.of(), leakReq))
                .isInstanceOf(LeakDetected.class).hasMessageContaining("cgroup directory: /sys/fs/cgroup/pids/ocitk-1");
        Verdicts known = verdicts("""
                deviations:
                  - requirement: runtime.delete.removes-resources
                    reason: leaves pids cgroups behind (runtime.md#delete)
                """, "1.0.2", false);
        assertThat(known.judgeLeaks(TEST, leaks, List.of(), leakReq)).isInstanceOf(ExpectedFailure.class);
        assertThat(known.judgeLeaks(TEST, leaks, List.of("cannot remove cgroup"), leakReq)).isInstanceOf(SuiteError.class);
        assertThat(known.baseline().unused()).isEmpty();
    }
}
