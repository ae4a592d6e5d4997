package dev.ocitk.conformance;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded polling: the only way the suite waits. It checks a condition at once, then with a short back-off (5 ms
 * doubling to 100 ms) until the deadline; on timeout it fails with what was awaited and the last value observed.
 */
public final class Await {

    /** Deadline for conditions that normally hold within milliseconds (a process exiting, a signal arriving). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(5).toNanos();
    private static final long MAX_PAUSE_NANOS = Duration.ofMillis(100).toNanos();

    private Await() {
    }

    /** Polls {@code probe} until {@code done} accepts its value; returns that value. */
    public static <T> T until(String description, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + description
                        + "\n  last observed: " + value);
            }
            LockSupport.parkNanos(Math.min(pause, left));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + description);
            }
            pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
        }
    }

    public static <T> T until(String description, Supplier<T> probe, Predicate<? super T> done) {
        return until(description, DEFAULT_TIMEOUT, probe, done);
    }

    public static void until(String description, Duration timeout, BooleanSupplier condition) {
        until(description, timeout, condition::getAsBoolean, Boolean::booleanValue);
    }

    public static void until(String description, BooleanSupplier condition) {
        until(description, DEFAULT_TIMEOUT, condition);
    }

    /**
     * Polls until the condition holds or the deadline passes, without failing: for checks that must see a state
     * settle (a leak that might still be reaped) before judging it.
     *
     * @return whether the condition held before the deadline
     */
    public static boolean within(Duration timeout, BooleanSupplier condition) {
        try {
            until("condition", timeout, condition);
            return true;
        } catch (AssertionError timedOut) {
            return false;
        }
    }
}
