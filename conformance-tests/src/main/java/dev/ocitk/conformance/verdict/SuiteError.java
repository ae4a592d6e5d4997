package dev.ocitk.conformance.verdict;

/**
 * The suite itself is wrong or misconfigured (unknown requirement ID, bad baseline, a generated config our
 * validator rejects). Never turned into a verdict about the runtime: it always fails the test.
 */
public class SuiteError extends RuntimeException {
    public SuiteError(String message) {
        super(message);
    }

    public SuiteError(String message, Throwable cause) {
        super(message, cause);
    }
}
