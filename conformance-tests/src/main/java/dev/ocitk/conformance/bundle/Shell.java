package dev.ocitk.conformance.bundle;

import java.util.List;

/**
 * {@code process.args} for busybox shell probes. A probe observes a fact inside the container and writes it under
 * {@link RootfsTemplate#OUT_DIR}, where the harness reads it from the host through {@link Bundle#out(String)}.
 */
public final class Shell {

    private Shell() {
    }

    /** {@code ["/bin/sh", "-c", script]}. */
    public static List<String> sh(String script) {
        return List.of("/bin/sh", "-c", script);
    }

    /** A shell command that appends one line to the named out file (a mark that something ran). */
    public static String mark(String name) {
        return "echo $$ >> " + RootfsTemplate.OUT_DIR + "/" + name;
    }

    /**
     * A shell command that blocks until the harness calls {@link Bundle#release()} (it polls for the release file
     * every 50 ms inside the container), so a test decides when the program exits.
     */
    public static String awaitRelease() {
        return "until [ -e " + RELEASE_FILE + " ]; do sleep 0.05; done";
    }

    /** Path inside the container of the file {@link Bundle#release()} creates. */
    public static final String RELEASE_FILE = "/ocitk/release";

    /** A shell command that keeps the container running until killed; signal traps still fire while it waits. */
    public static String waitForever() {
        return "while :; do sleep 100000 & wait $!; done";
    }
}
