package dev.ocitk.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.conformance.verdict.ExpectedFailure;
import dev.ocitk.conformance.verdict.NewerThanDeclared;
import dev.ocitk.conformance.verdict.RecommendationMissed;
import dev.ocitk.conformance.verdict.UnexpectedPass;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.TestAbortedException;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {

    @Test
    void outcomeFollowsTheVerdictException() {
        assertThat(Outcome.of(TestExecutionResult.successful())).isEqualTo(Outcome.PASSED);
        assertThat(Outcome.of(TestExecutionResult.failed(new AssertionError()))).isEqualTo(Outcome.FAILED);
        assertThat(Outcome.of(TestExecutionResult.failed(new UnexpectedPass("x")))).isEqualTo(Outcome.UNEXPECTED_PASS);
        assertThat(Outcome.of(TestExecutionResult.aborted(new ExpectedFailure("x", null)))).isEqualTo(Outcome.EXPECTED_FAILURE);
        assertThat(Outcome.of(TestExecutionResult.aborted(new NewerThanDeclared("x", null)))).isEqualTo(Outcome.NEWER_THAN_DECLARED);
        assertThat(Outcome.of(TestExecutionResult.aborted(new RecommendationMissed("x", null)))).isEqualTo(Outcome.WARNING);
        assertThat(Outcome.of(TestExecutionResult.aborted(new TestAbortedException("no v2")))).isEqualTo(Outcome.SKIPPED);
        assertThat(Outcome.FAILED.failsBuild()).isTrue();
        assertThat(Outcome.UNEXPECTED_PASS.failsBuild()).isTrue();
        assertThat(Outcome.EXPECTED_FAILURE.failsBuild()).isFalse();
    }

    @Test
    void rendersTheCountsLineTheRuntimeLineAndEachTestThatDidNotPass() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) counts.put(o, o.ordinal());
        ObjectNode session = new ObjectMapper().createObjectNode().put("runtime", "/usr/bin/runc").put("name", "runc")
                .put("version", "1.1.5").put("ociVersion", "1.0.2-dev").put("ociVersionSource", "features ociVersionMax")
                .put("baseline", "expectations/runc-1.1.5").put("strict", false).put("validator", "on");
        List<TestRecord> tests = List.of(
                new TestRecord("a.AIT#ok", "ok()", List.of("r"), "passed", "", 1, Map.of()),
                new TestRecord("a.AIT#bad", "bad(RuntimeUnderTest)", List.of("r"), "failed", "first\n\nsecond\nthird", 1, Map.of()),
                new TestRecord("a.AIT#param", "kill ID USR1", List.of("r"), "warning", "w", 1, Map.of()));

        String text = Summary.render(counts, Optional.of(session), 12_345, tests);

        assertThat(text.lines().toList()).containsExactly(
                "ocitk conformance: passed=0 failed=1 skipped=2 expected-failure=3 unexpected-pass=4 newer-than-declared=5 warnings=6",
                "ocitk conformance: runtime=/usr/bin/runc (runc 1.1.5) ociVersion=1.0.2-dev (from features ociVersionMax)"
                        + " baseline=expectations/runc-1.1.5 strict=false validator=on wall=12.3s",
                "  failed: a.AIT#bad -- first | second | third",
                "  warning: a.AIT#param [kill ID USR1] -- w");
    }
}
