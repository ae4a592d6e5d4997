package dev.ocitk.conformance.mounts;

import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;

/**
 * Runs a probe script as the container's program to its end and reads what it wrote under /ocitk/out. The
 * script's stderr goes to the bundle's stderr file, quoted in failure messages.
 */
final class InContainer {

    /** Shell command that saves the container's mount table for {@link #mountinfo(Bundle)}. */
    static final String SAVE_MOUNTINFO = "cat /proc/self/mountinfo > /ocitk/out/mountinfo";

    private InContainer() {
    }

    /** Creates a container from {@code bundle}, starts it and waits until its program has exited. */
    static Container runToEnd(RuntimeUnderTest runtime, Bundle bundle) {
        Container container = runtime.create(bundle);
        container.start();
        container.awaitStatus("stopped");
        return container;
    }

    /** The mount table the probe saved with {@link #SAVE_MOUNTINFO}. */
    static MountInfo mountinfo(Bundle bundle) {
        return MountInfo.parse(out(bundle, "mountinfo"));
    }

    /** An out file the probe must have written; fails the test, quoting the program's stderr, when it is missing. */
    static String out(Bundle bundle, String name) {
        return bundle.out(name).orElseThrow(() -> new AssertionError("the container program wrote no " + name
                + " (its stderr: " + bundle.stderr().strip() + ")"));
    }
}
