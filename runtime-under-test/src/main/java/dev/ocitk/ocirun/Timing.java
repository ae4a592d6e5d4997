package dev.ocitk.ocirun;

import java.lang.management.ManagementFactory;

/**
 * Phase timings for start-up work ({@code OCIRUN_TIMING=1}): each mark prints the wall clock
 * (seconds.milliseconds within the minute, so that the marks of create, the init and the caller
 * line up) and the milliseconds since the JVM finished booting, to stderr. Off by default; the
 * init process, which shares the container's stderr, only prints when create asked for it and
 * before the program runs.
 */
public final class Timing {
    private static final boolean ON = System.getenv("OCIRUN_TIMING") != null;
    private static final long START = ON ? ManagementFactory.getRuntimeMXBean().getStartTime() : 0;

    private Timing() {}

    public static void mark(String what) {
        if (ON) {
            long now = System.currentTimeMillis();
            System.err.println(String.format("[ocirun %d @%06.3f +%dms] %s", ProcessHandle.current().pid(),
                    (now % 60_000) / 1000.0, now - START, what));
        }
    }
}
