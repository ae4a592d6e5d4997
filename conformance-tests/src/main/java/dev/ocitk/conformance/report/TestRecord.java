package dev.ocitk.conformance.report;

import java.util.List;
import java.util.Map;

/**
 * One test's line in results.json.
 *
 * @param id           stable test ID, {@code lifecycle.CreateIT#method}
 * @param displayName  JUnit display name (distinguishes parameterized invocations)
 * @param requirements catalogue IDs the test checks
 * @param outcome      verdict label, see {@link Outcome}
 * @param reason       first lines of the failure, skip or verdict message; empty when passed
 * @param durationMs   wall time of the test including cleanup and leak check
 * @param observations informational facts the test recorded
 */
public record TestRecord(String id, String displayName, List<String> requirements, String outcome, String reason,
                         long durationMs, Map<String, String> observations) {
}
