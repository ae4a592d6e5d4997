package dev.ocitk.conformance.verdict;

/** The baseline says this test fails on this runtime, but it passed: the baseline entry is stale. */
public final class UnexpectedPass extends AssertionError {
    public UnexpectedPass(String message) {
        super(message);
    }
}
