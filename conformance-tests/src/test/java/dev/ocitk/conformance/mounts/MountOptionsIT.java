package dev.ocitk.conformance.mounts;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.BundleBuilder;
import dev.ocitk.conformance.bundle.Mount;

import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static dev.ocitk.conformance.mounts.MountTypesIT.bind;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mount(8) flags of config.md#linux-mount-options on bind and tmpfs mounts: the per-mount options the kernel
 * reports, and what they do (a write to a read-only mount, exec from a noexec mount, opening a device node on a
 * nodev mount all fail, while the same action on a mount without the flag works).
 */
@Tag("mounts")
class MountOptionsIT {

    /** Flag in config.json -> the per-mount option mountinfo shows for it. */
    private static final Map<String, String> FLAGS = Map.of(
            "ro", "ro", "rw", "rw", "nosuid", "nosuid", "nodev", "nodev", "noexec", "noexec");

    @ConformanceTest
    @Requirement("mounts.options.flags")
    void flagsAreSetOnBindAndTmpfsMounts(RuntimeUnderTest runtime) {
        Path source = HostFiles.dirWithMarker(runtime.scratchDir().resolve("flags-src"), "src");
        BundleBuilder builder = runtime.bundle().args(sh(InContainer.SAVE_MOUNTINFO));
        List<String> destinations = new ArrayList<>();
        for (String flag : FLAGS.keySet()) {
            builder.mount(bind(source.toString(), "/mnt/bind-" + flag, "bind", flag));
            builder.mount(Mount.of("/mnt/tmpfs-" + flag, "tmpfs", "ocitk-" + flag, flag, "size=64k"));
            destinations.add("/mnt/bind-" + flag);
            destinations.add("/mnt/tmpfs-" + flag);
        }
        Bundle bundle = builder.build();
        destinations.forEach(d -> HostFiles.mountPoint(bundle, d));

        InContainer.runToEnd(runtime, bundle);

        MountInfo table = InContainer.mountinfo(bundle);
        List<String> problems = new ArrayList<>();
        for (String d : destinations) {
            String flag = d.substring(d.indexOf('-') + 1);
            Optional<MountInfo.Line> line = table.at(d);
            if (line.isEmpty()) {
                problems.add(d + ": not mounted");
            } else if (!line.get().mountOptions().contains(FLAGS.get(flag))) {
                problems.add(d + ": option " + flag + " missing from " + line.get());
            }
        }
        assertThat(problems).as("mounts without the flag their config entry asked for").isEmpty();
    }

    @ConformanceTest
    @Requirement("mounts.options.flags")
    void flagsTakeEffect(RuntimeUnderTest runtime) throws IOException, InterruptedException {
        Path source = HostFiles.dirWithMarker(runtime.scratchDir().resolve("effects-src"), "src");
        Files.setAttribute(source, "unix:mode", 0777);
        Path script = HostFiles.file(source.resolve("run.sh"), "#!/bin/sh\necho ran\n");
        Files.setAttribute(script, "unix:mode", 0755);
        Process mknod = new ProcessBuilder("mknod", "-m", "666", source.resolve("null").toString(), "c", "1", "3")
                .inheritIO().start();
        assertThat(mknod.waitFor(10, TimeUnit.SECONDS) && mknod.exitValue() == 0)
                .as("mknod of a null device node in the bind source (suite setup)").isTrue();

        // Each flag next to a control mount of the same source without it: the action must work on the control.
        String probe = String.join("; ",
                attempt("touch /mnt/ro/written-through-ro", "ro"),
                attempt("touch /mnt/rw/written-through-rw", "rw"),
                attempt("/mnt/noexec/run.sh", "noexec"),
                attempt("/mnt/exec/run.sh", "exec"),
                attempt("echo x > /mnt/nodev/null", "nodev"),
                attempt("echo x > /mnt/dev/null", "dev"));
        Bundle bundle = runtime.bundle()
                .mount(bind(source.toString(), "/mnt/ro", "bind", "ro"))
                .mount(bind(source.toString(), "/mnt/rw", "bind", "rw"))
                .mount(bind(source.toString(), "/mnt/noexec", "bind", "noexec"))
                .mount(bind(source.toString(), "/mnt/exec", "bind", "exec"))
                .mount(bind(source.toString(), "/mnt/nodev", "bind", "nodev"))
                .mount(bind(source.toString(), "/mnt/dev", "bind", "dev"))
                .args(sh(probe)).build();
        for (String d : List.of("/mnt/ro", "/mnt/rw", "/mnt/noexec", "/mnt/exec", "/mnt/nodev", "/mnt/dev")) {
            HostFiles.mountPoint(bundle, d);
        }

        InContainer.runToEnd(runtime, bundle);

        assertThat(InContainer.out(bundle, "rw")).as("write through the rw control mount").startsWith("worked");
        assertThat(InContainer.out(bundle, "ro")).as("write through the ro mount").startsWith("refused");
        assertThat(Files.exists(source.resolve("written-through-ro"))).as("file written through the ro mount").isFalse();
        assertThat(InContainer.out(bundle, "exec")).as("run.sh run from the control mount").startsWith("worked");
        assertThat(InContainer.out(bundle, "noexec")).as("run.sh run from the noexec mount").startsWith("refused");
        assertThat(InContainer.out(bundle, "dev")).as("null device opened through the control mount")
                .startsWith("worked");
        assertThat(InContainer.out(bundle, "nodev")).as("null device opened through the nodev mount")
                .startsWith("refused");
    }

    /** Shell snippet: runs {@code command} and writes {@code worked} or {@code refused} plus its stderr to out/NAME. */
    private static String attempt(String command, String name) {
        String out = "/ocitk/out/" + name;
        return "if (" + command + ") 2>" + out + ".err >/dev/null; then echo worked > " + out + "; else echo refused"
                + " > " + out + "; cat " + out + ".err >> " + out + "; fi";
    }
}
