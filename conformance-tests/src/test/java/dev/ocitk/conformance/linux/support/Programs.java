package dev.ocitk.conformance.linux.support;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;

import java.util.List;
import java.util.Optional;

import static dev.ocitk.conformance.bundle.Shell.awaitRelease;
import static dev.ocitk.conformance.bundle.Shell.mark;
import static dev.ocitk.conformance.bundle.Shell.sh;

/**
 * The user program most tests run: it leaves a mark once it runs and then waits until the test releases it, so the
 * test can look at the live container process from the host (its {@code /proc} files, cgroups, namespaces) for as
 * long as it needs. The mark matters: right after {@code start} returns, the container process may still be the
 * runtime's own init on its way to {@code execve}, so nothing is read before the program has marked that it runs.
 */
public final class Programs {

    /** Out file the waiting program writes its shell pid to once it runs. */
    public static final String RUNNING = "running";

    private Programs() {
    }

    /** Shell commands: leave the running mark, then wait for the release. */
    public static String markThenWait() {
        return mark(RUNNING) + "; " + awaitRelease();
    }

    /** {@code process.args} for {@link #markThenWait()}. */
    public static List<String> waiting() {
        return sh(markThenWait());
    }

    /** Starts a created container and waits until its program has marked that it runs. */
    public static Container startAndAwaitRunning(Container container) {
        container.start();
        awaitRunning(container.bundle());
        return container;
    }

    public static void awaitRunning(Bundle bundle) {
        Await.until("the user program to run (mark '" + RUNNING + "' in " + bundle.outDir() + ")",
                () -> bundle.out(RUNNING), Optional::isPresent);
    }

    /**
     * Creates and starts a container whose program runs to its end, waits until it has stopped, deletes it and
     * returns what the program wrote to stdout (the bundle's stdout file, which the runtime hands the container).
     */
    public static String runToCompletion(RuntimeUnderTest runtime, Bundle bundle) {
        Container container = runtime.create(bundle);
        container.start();
        container.awaitStatus("stopped");
        container.delete();
        return bundle.stdout();
    }

    /** Releases the program, waits until the container has stopped and deletes it. */
    public static void finish(Container container) {
        container.bundle().release();
        container.awaitStatus("stopped");
        container.delete();
    }
}
