package dev.ocitk.conformance;

import dev.ocitk.conformance.runtime.CommandResult;

/**
 * Assertions on runtime calls. The spec leaves open how an error is exposed (runtime.md#errors); in the runc CLI
 * dialect it is a non-zero exit status, which is what these check. Every message quotes the call in full.
 */
public final class RuntimeAssertions {

    private RuntimeAssertions() {
    }

    /** Fails unless the call exited 0 within its deadline. */
    public static CommandResult assertSucceeded(CommandResult result, String what) {
        if (!result.succeeded()) {
            throw new AssertionError(what + " failed:\n" + result.describe());
        }
        return result;
    }

    /** Fails unless the call reported an error (non-zero exit) within its deadline. */
    public static CommandResult assertError(CommandResult result, String what) {
        if (result.timedOut()) {
            throw new AssertionError(what + " should fail with an error, but it hung:\n" + result.describe());
        }
        if (result.exitCode() == 0) {
            throw new AssertionError(what + " should fail with an error, but it succeeded:\n" + result.describe());
        }
        return result;
    }
}
