package dev.ocitk.conformance.devices;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import org.junit.jupiter.api.Tag;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/** The /dev symlinks of runtime-linux.md#dev-symbolic-links. */
@Tag("devices")
class DevSymlinksIT {

    @ConformanceTest
    @Requirement("devices.symlinks.proc-self-fd")
    void devFdStdinStdoutAndStderrAreSymlinksIntoProcSelfFd(RuntimeUnderTest runtime) {
        // The stdout line shows the symlink is usable, not just present: it reaches the runtime's stdout file.
        Bundle bundle = runtime.bundle().args(sh("for l in fd stdin stdout stderr; do echo \"$l $(stat -c %F /dev/$l)"
                + " $(readlink /dev/$l)\"; done > /ocitk/out/links; echo through-dev-stdout > /dev/stdout")).build();
        Container container = runtime.create(bundle);
        container.start();
        container.awaitStatus("stopped");

        assertThat(bundle.outLines("links")).as("type and target of each /dev link in the container").containsExactly(
                "fd symbolic link /proc/self/fd",
                "stdin symbolic link /proc/self/fd/0",
                "stdout symbolic link /proc/self/fd/1",
                "stderr symbolic link /proc/self/fd/2");
        assertThat(bundle.stdout()).as("what the program wrote to /dev/stdout").isEqualTo("through-dev-stdout\n");
    }
}
