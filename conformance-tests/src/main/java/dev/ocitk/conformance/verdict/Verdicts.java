package dev.ocitk.conformance.verdict;

import dev.ocitk.conformance.catalogue.CatalogueEntry;
import dev.ocitk.conformance.catalogue.CatalogueException;
import dev.ocitk.conformance.catalogue.RequirementLevel;
import dev.ocitk.conformance.catalogue.SpecVersion;
import dev.ocitk.conformance.leak.Leak;
import org.opentest4j.TestAbortedException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a test's raw outcome into the verdict the suite reports, in this order: suite errors and skips stay as
 * they are; a failure the baseline lists is an expected failure; a failure on a requirement newer than the
 * runtime's declared spec version is "newer than declared"; a failure on ambiguous or MAY-only requirements is a
 * warning, even when strict (a runtime may leave optional behaviour out); a failure on SHOULD-only requirements is
 * a warning unless strict; anything else fails.
 */
public final class Verdicts {

    private final Baseline baseline;
    private final SpecVersion declared;
    private final boolean strict;

    public Verdicts(Baseline baseline, SpecVersion declared, boolean strict) {
        this.baseline = baseline;
        this.declared = declared;
        this.strict = strict;
    }

    /** The throwable to report for a test that threw {@code failure}. */
    public Throwable judgeFailure(String testId, List<CatalogueEntry> requirements, Throwable failure) {
        if (!(failure instanceof AssertionError) || failure instanceof TestAbortedException) {
            return failure; // harness crashes, suite errors and skips are never exempted
        }
        String message = String.valueOf(failure.getMessage());
        List<String> ids = requirements.stream().map(CatalogueEntry::id).toList();
        Optional<BaselineEntry> known = baseline.explain(testId, ids, message);
        if (known.isPresent()) {
            return new ExpectedFailure("expected failure: " + known.get().describe() + "\nactual: " + message, failure);
        }
        Optional<CatalogueEntry> newest = requirements.stream().max(Comparator.comparing(CatalogueEntry::since));
        if (!strict && newest.isPresent() && newest.get().since().isNewerThan(declared)) {
            return new NewerThanDeclared("newer than declared: " + newest.get().id() + " is from spec "
                    + newest.get().since() + ", the runtime declares " + declared + "\nactual: " + message, failure);
        }
        boolean ambiguous = requirements.stream().anyMatch(CatalogueEntry::ambiguous);
        if (ambiguous) {
            return new RecommendationMissed("observation only: " + ids + " rests on an ambiguous clause\nactual: "
                    + message, failure);
        }
        boolean onlyPermissions = !requirements.isEmpty()
                && requirements.stream().allMatch(r -> r.level() == RequirementLevel.MAY);
        if (onlyPermissions) {
            return new RecommendationMissed("warning: " + describeLevels(requirements)
                    + " not offered (optional behaviour)\nactual: " + message, failure);
        }
        boolean onlyRecommendations = !requirements.isEmpty()
                && requirements.stream().noneMatch(r -> r.level().failsBuild());
        if (!strict && onlyRecommendations) {
            return new RecommendationMissed("warning: " + describeLevels(requirements) + " not met\nactual: "
                    + message, failure);
        }
        return failure;
    }

    /** An {@link UnexpectedPass} when the baseline says this passing test fails. */
    public Optional<UnexpectedPass> judgePass(String testId) {
        List<BaselineEntry> stale = baseline.expectedFailuresOf(testId);
        if (stale.isEmpty()) return Optional.empty();
        return Optional.of(new UnexpectedPass("unexpected pass: the baseline expects this test to fail, remove the entry: "
                + stale.get(0).describe()));
    }

    /**
     * The verdict on leaks found after the test's containers were deleted; {@code cleanupProblems} are leaks the
     * harness could not remove either (the host is not clean).
     */
    public Throwable judgeLeaks(String testId, List<Leak> leaks, List<String> cleanupProblems, CatalogueEntry leakRequirement) {
        StringBuilder b = new StringBuilder("leak: the test's containers left resources behind after delete ("
                + leakRequirement.id() + ", " + leakRequirement.spec() + "):");
        leaks.forEach(l -> b.append("\n  ").append(l));
        if (!cleanupProblems.isEmpty()) {
            b.append("\nthe harness could not remove:");
            cleanupProblems.forEach(p -> b.append("\n  ").append(p));
            return new SuiteError(b.toString()); // the host is dirty: never exempted by a baseline
        }
        LeakDetected leak = new LeakDetected(b.toString());
        return judgeFailure(testId, List.of(leakRequirement), leak);
    }

    /** Errors in the suite's own data: reported as is. */
    public static boolean isSuiteError(Throwable t) {
        return t instanceof SuiteError || t instanceof CatalogueException;
    }

    private static String describeLevels(List<CatalogueEntry> requirements) {
        return requirements.stream().map(r -> r.level() + " " + r.id()).toList().toString();
    }

    public SpecVersion declared() {
        return declared;
    }

    public boolean strict() {
        return strict;
    }

    public Baseline baseline() {
        return baseline;
    }
}
