package dev.ocitk.ocirun;

import java.lang.management.ManagementFactory;

/**
 * Phase timings for start-up work ({@code OCIRUN_TIMING=1}): each mark prints the milliseconds
 * since the JVM started to stderr. Off by default; the init process, which shares the container's
 * stderr, only prints when create asked for it and before the program runs.
 */
public final class Timing {
    private static final boolean ON = System.getenv("OCIRUN_TIMING") != null;
    private static final long START = ON ? ManagementFactory.getRuntimeMXBean().getStartTime() : 0;

    private Timing() {}

    public static void mark(String what) {
        if (ON) {
            System.err.println("[ocirun " + ProcessHandle.current().pid() + " +" + (System.currentTimeMillis() - START)
                    + "ms] " + what);
        }
    }
}
