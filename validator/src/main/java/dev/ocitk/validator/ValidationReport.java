package dev.ocitk.validator;

import java.util.List;

/**
 * The findings for one document or bundle, in a stable order (by pointer, then rule ID).
 *
 * @param subject  what was validated: a file path, a bundle directory, or {@code "-"} for stdin
 * @param findings every finding, never null
 */
public record ValidationReport(String subject, List<Finding> findings) {
    public ValidationReport {
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.level() == Level.ERROR);
    }

    /** True when at least one finding is at {@code threshold} or more severe. */
    public boolean reaches(Level threshold) {
        return findings.stream().anyMatch(f -> f.level().atLeast(threshold));
    }

    public List<Finding> atLeast(Level threshold) {
        return findings.stream().filter(f -> f.level().atLeast(threshold)).toList();
    }
}
