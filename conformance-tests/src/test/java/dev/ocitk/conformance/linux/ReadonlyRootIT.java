package dev.ocitk.conformance.linux;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Tag;

import java.nio.file.Files;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/** root.readonly (config.md#root), probed by writing from inside the container. */
@Tag("linux")
class ReadonlyRootIT {

    /** Tries to create a file at the root and, as a control, on the /dev/shm tmpfs; prints one result line each. */
    private static final String PROBE = "touch /ocitk-root-probe 2>&1; echo root=$?; touch /dev/shm/ocitk-probe; echo shm=$?";

    @ConformanceTest
    @Requirement("linux.root.readonly")
    void readonlyRootCannotBeWritten(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().rootReadonly(true).args(sh(PROBE)).build();

        String out = Programs.runToCompletion(runtime, bundle);

        assertThat(out).as("program output; the control write to /dev/shm must work").contains("shm=0");
        assertThat(out).as("program output for a write to / of a read-only root").contains("root=1")
                .contains("Read-only file system");
        assertThat(Files.exists(bundle.rootfs().resolve("ocitk-root-probe"))).as("file the write would have made").isFalse();
    }
}
