package dev.ocitk.conformance.report;

import dev.ocitk.conformance.verdict.ExpectedFailure;
import dev.ocitk.conformance.verdict.NewerThanDeclared;
import dev.ocitk.conformance.verdict.RecommendationMissed;
import dev.ocitk.conformance.verdict.UnexpectedPass;
import org.junit.platform.engine.TestExecutionResult;

/** The verdict on one test as the summary and results file name it. */
public enum Outcome {
    PASSED("passed"),
    FAILED("failed"),
    SKIPPED("skipped"),
    EXPECTED_FAILURE("expected-failure"),
    UNEXPECTED_PASS("unexpected-pass"),
    NEWER_THAN_DECLARED("newer-than-declared"),
    WARNING("warning");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for outcomes that fail the build. */
    public boolean failsBuild() {
        return this == FAILED || this == UNEXPECTED_PASS;
    }

    /** Reads the verdict from the exception type the conformance extension threw. */
    public static Outcome of(TestExecutionResult result) {
        Throwable t = result.getThrowable().orElse(null);
        return switch (result.getStatus()) {
            case SUCCESSFUL -> PASSED;
            case ABORTED -> t instanceof ExpectedFailure ? EXPECTED_FAILURE
                    : t instanceof NewerThanDeclared ? NEWER_THAN_DECLARED
                    : t instanceof RecommendationMissed ? WARNING
                    : SKIPPED;
            case FAILED -> t instanceof UnexpectedPass ? UNEXPECTED_PASS : FAILED;
        };
    }
}
