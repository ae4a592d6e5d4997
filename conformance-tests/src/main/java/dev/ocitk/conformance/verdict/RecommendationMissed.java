package dev.ocitk.conformance.verdict;

import org.opentest4j.TestAbortedException;

/**
 * The test failed, but every requirement it checks is a SHOULD or MAY, or the clause is marked ambiguous:
 * a warning in the report, not a failed build, unless the run is strict (ambiguous clauses never fail).
 */
public final class RecommendationMissed extends TestAbortedException {
    public RecommendationMissed(String message, Throwable cause) {
        super(message, cause);
    }
}
