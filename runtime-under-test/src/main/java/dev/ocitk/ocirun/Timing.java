package dev.ocitk.ocirun;

/**
 * Phase timings for start-up work ({@code OCIRUN_TIMING=1}): each mark prints the wall clock
 * (seconds.milliseconds within the minute) to stderr, so that the marks of create, of the init and
 * of the caller (e.g. {@code date +%S.%N}) line up. Nothing else is loaded for them: the marks must
 * not change what they measure. Off by default; the init process, which shares the container's
 * stderr, only prints when create asked for it and before the program runs.
 */
public final class Timing {
    private static final boolean ON = System.getenv("OCIRUN_TIMING") != null;

    private Timing() {}

    public static void mark(String what) {
        if (ON) {
            long ms = System.currentTimeMillis() % 60_000;
            StringBuilder sb = new StringBuilder("[ocirun ").append(ProcessHandle.current().pid()).append(" @")
                    .append(ms / 1000).append('.');
            for (long d = 100; d > 0; d /= 10) {
                sb.append((ms % 1000) / d % 10);
            }
            System.err.println(sb.append("] ").append(what));
        }
    }
}
