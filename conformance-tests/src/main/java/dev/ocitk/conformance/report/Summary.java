package dev.ocitk.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The human summary printed after a run: one counts line, one line about the runtime, then the notable tests. */
final class Summary {

    private Summary() {
    }

    /** The first lines of a reason squeezed into one line of at most 240 characters. */
    static String oneLine(String reason) {
        String joined = String.join(" | ", reason.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(4).toList());
        return joined.length() <= 240 ? joined : joined.substring(0, 237) + "...";
    }

    static String render(Map<Outcome, Integer> counts, Optional<JsonNode> session, long wallMs, List<TestRecord> tests) {
        StringBuilder b = new StringBuilder();
        b.append("ocitk conformance: passed=").append(counts.get(Outcome.PASSED))
                .append(" failed=").append(counts.get(Outcome.FAILED))
                .append(" skipped=").append(counts.get(Outcome.SKIPPED))
                .append(" expected-failure=").append(counts.get(Outcome.EXPECTED_FAILURE))
                .append(" unexpected-pass=").append(counts.get(Outcome.UNEXPECTED_PASS))
                .append(" newer-than-declared=").append(counts.get(Outcome.NEWER_THAN_DECLARED))
                .append(" warnings=").append(counts.get(Outcome.WARNING))
                .append('\n');
        session.ifPresentOrElse(s -> b.append("ocitk conformance: runtime=").append(s.path("runtime").asText())
                        .append(" (").append(s.path("name").asText()).append(' ').append(s.path("version").asText())
                        .append(") ociVersion=").append(s.path("ociVersion").asText())
                        .append(" (from ").append(s.path("ociVersionSource").asText()).append(")")
                        .append(" baseline=").append(s.path("baseline").asText())
                        .append(" strict=").append(s.path("strict").asBoolean())
                        .append(" validator=").append(s.path("validator").asText())
                        .append(" wall=").append(String.format("%.1fs", wallMs / 1000.0)).append('\n'),
                () -> b.append("ocitk conformance: the suite session did not start (see the first failure)\n"));
        for (TestRecord t : tests) {
            if (!t.outcome().equals(Outcome.PASSED.label())) {
                b.append("  ").append(t.outcome()).append(": ").append(t.id());
                if (!t.displayName().startsWith(t.id().substring(t.id().indexOf('#') + 1) + "(")) {
                    b.append(" [").append(t.displayName()).append(']');
                }
                b.append(" -- ").append(oneLine(t.reason())).append('\n');
            }
        }
        session.map(s -> s.path("unusedBaselineEntries")).filter(JsonNode::isArray).ifPresent(unused -> unused
                .forEach(e -> b.append("  baseline entry matched nothing: ").append(e.asText()).append('\n')));
        return b.toString();
    }
}
