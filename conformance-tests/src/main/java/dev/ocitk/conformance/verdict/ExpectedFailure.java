package dev.ocitk.conformance.verdict;

import org.opentest4j.TestAbortedException;

/** The test failed exactly as the runtime's baseline predicts: reported, but does not fail the build. */
public final class ExpectedFailure extends TestAbortedException {
    public ExpectedFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
