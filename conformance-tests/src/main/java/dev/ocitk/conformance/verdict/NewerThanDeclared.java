package dev.ocitk.conformance.verdict;

import org.opentest4j.TestAbortedException;

/**
 * The test failed on a requirement introduced in a spec version newer than the one the runtime declares:
 * reported as such, not as a failure, unless the run is strict.
 */
public final class NewerThanDeclared extends TestAbortedException {
    public NewerThanDeclared(String message, Throwable cause) {
        super(message, cause);
    }
}
