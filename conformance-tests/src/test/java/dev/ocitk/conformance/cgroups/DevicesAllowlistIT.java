package dev.ocitk.conformance.cgroups;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * linux.resources.devices (config-linux.md#allowed-device-list), observed by opening device nodes from inside the
 * container. The nodes are made by the harness in the bundle's rootfs (outside /dev, which the config mounts a
 * tmpfs over), so they exist whatever the runtime does with linux.devices; only the allow list decides whether
 * they can be opened. The devices are harmless to open and in no runtime's default list: loop0 (b 7:0), which the
 * list allows for reading only, and loop-control (c 10:237), which it does not list.
 */
@Tag("cgroups")
class DevicesAllowlistIT {

    private static final String PROBE = "true < /ocitk/loop0; echo read-allowed=$?; true > /ocitk/loop0; echo write-denied=$?;"
            + " true < /ocitk/loop-control; echo unlisted=$?";

    @ConformanceTest
    @Requirement("cgroups.devices.allowlist")
    void containerOpensADeviceExactlyAsFarAsTheListAllows(RuntimeUnderTest runtime) throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/sys/dev/block/7:0")) && Files.exists(Path.of("/sys/dev/char/10:237")),
                "the host has no loop devices (block 7:0, char 10:237 loop-control)");
        Bundle bundle = runtime.bundle().args(sh(PROBE)).resources(r -> {
            var devices = r.putArray("devices");
            devices.addObject().put("allow", false).put("access", "rwm");
            devices.addObject().put("allow", true).put("type", "b").put("major", 7).put("minor", 0).put("access", "r");
        }).build();
        mknod(bundle.rootfs().resolve("ocitk/loop0"), "b", 7, 0);
        mknod(bundle.rootfs().resolve("ocitk/loop-control"), "c", 10, 237);

        String out = Programs.runToCompletion(runtime, bundle);

        assertThat(out).as("program output: read of b 7:0, which the list allows").contains("read-allowed=0");
        assertThat(out).as("program output: write of b 7:0, which the list allows for reading only")
                .contains("write-denied=1");
        assertThat(out).as("program output: read of c 10:237, which the list denies (first entry)").contains("unlisted=1");
        assertThat(out.lines().filter(l -> l.contains("can't")).toList()).as("errors of the denied opens")
                .allMatch(l -> l.contains("Operation not permitted"));
    }

    @ConformanceTest
    @Requirement("cgroups.devices.allowlist")
    void laterEntriesOverrideEarlierOnes(RuntimeUnderTest runtime) throws IOException {
        // Applied in order: allow b 7:0 rw, then deny its write again; the read must work and the write must not.
        Assumptions.assumeTrue(Files.exists(Path.of("/sys/dev/block/7:0")), "the host has no loop device (block 7:0)");
        Bundle bundle = runtime.bundle().args(sh("true < /ocitk/loop0; echo read=$?; true > /ocitk/loop0; echo write=$?"))
                .resources(r -> {
                    var devices = r.putArray("devices");
                    devices.addObject().put("allow", false).put("access", "rwm");
                    devices.addObject().put("allow", true).put("type", "b").put("major", 7).put("minor", 0).put("access", "rw");
                    devices.addObject().put("allow", false).put("type", "b").put("major", 7).put("minor", 0).put("access", "w");
                }).build();
        mknod(bundle.rootfs().resolve("ocitk/loop0"), "b", 7, 0);

        String out = Programs.runToCompletion(runtime, bundle);

        assertThat(out).as("program output").contains("read=0").contains("write=1");
    }

    private static void mknod(Path node, String type, int major, int minor) throws IOException {
        Process p = new ProcessBuilder(List.of("mknod", "-m", "0666", node.toString(), type,
                Integer.toString(major), Integer.toString(minor))).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("mknod " + node + " failed: " + new String(p.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted making " + node, e);
        }
    }
}
