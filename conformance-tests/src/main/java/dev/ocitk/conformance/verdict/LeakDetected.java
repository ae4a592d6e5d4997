package dev.ocitk.conformance.verdict;

/** Resources of the test's containers were still on the host after they were deleted. */
public final class LeakDetected extends AssertionError {
    public LeakDetected(String message) {
        super(message);
    }
}
