package dev.ocitk.conformance.linux;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * linux.maskedPaths and linux.readonlyPaths (config-linux.md#masked-paths, #readonly-paths) on paths of the test's
 * own rootfs, each next to an unlisted sibling that the same probe can read or write: the control shows the probe
 * works, so a failed read or write of the listed path is the runtime's doing.
 */
@Tag("linux")
class MaskedAndReadonlyPathsIT {

    private static final String SECRET = "ocitk-secret-content";

    @ConformanceTest
    @Requirement("linux.masked-paths.unreadable")
    void maskedFileAndDirectoryCannotBeRead(RuntimeUnderTest runtime) throws IOException {
        Bundle bundle = runtime.bundle().args(sh(
                "cat /ocitk/masked-file; echo; ls -A /ocitk/masked-dir; cat /ocitk/masked-dir/inner; echo;"
                        + " echo control=$(cat /ocitk/open-dir/inner)"))
                .edit(c -> c.withObjectProperty("linux").withArrayProperty("maskedPaths")
                        .add("/ocitk/masked-file").add("/ocitk/masked-dir")).build();
        Path ocitk = bundle.rootfs().resolve("ocitk");
        Files.writeString(ocitk.resolve("masked-file"), SECRET);
        Files.writeString(Files.createDirectories(ocitk.resolve("masked-dir")).resolve("inner"), SECRET);
        Files.writeString(Files.createDirectories(ocitk.resolve("open-dir")).resolve("inner"), SECRET);

        String out = Programs.runToCompletion(runtime, bundle);

        assertThat(out).as("program output: the unlisted control file is readable").contains("control=" + SECRET);
        assertThat(out.replace("control=" + SECRET, "")).as("program output reading the masked file and directory")
                .doesNotContain(SECRET).doesNotContain("inner");
    }

    @ConformanceTest
    @Requirement("linux.readonly-paths.read-only")
    void readonlyFileAndDirectoryCannotBeWritten(RuntimeUnderTest runtime) throws IOException {
        Bundle bundle = runtime.bundle().args(sh(
                "touch /ocitk/ro-dir/new; echo dir=$?; (echo more >> /ocitk/ro-file); echo file=$?;"
                        + " touch /ocitk/rw-dir/new; echo control=$?"))
                .edit(c -> c.withObjectProperty("linux").withArrayProperty("readonlyPaths")
                        .add("/ocitk/ro-dir").add("/ocitk/ro-file")).build();
        Path ocitk = bundle.rootfs().resolve("ocitk");
        Files.createDirectories(ocitk.resolve("ro-dir"));
        Files.createDirectories(ocitk.resolve("rw-dir"));
        Files.writeString(ocitk.resolve("ro-file"), "original\n");

        String out = Programs.runToCompletion(runtime, bundle);

        assertThat(out).as("program output: writing an unlisted directory works").contains("control=0");
        assertThat(out).as("program output for writes to the read-only directory and file")
                .contains("dir=1").contains("file=1");
        assertThat(Files.exists(ocitk.resolve("ro-dir/new"))).as("file made in the read-only directory").isFalse();
        assertThat(Files.readString(ocitk.resolve("ro-file"))).as("read-only file").isEqualTo("original\n");
    }
}
