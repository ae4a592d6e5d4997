package dev.ocitk.conformance.devices;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.Mount;

import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device allow list (config-linux.md#allowed-device-list). The device nodes come from a bind-mounted host
 * directory, not from linux.devices, so that only the allow list decides (runtimes may allow what linux.devices
 * lists). With everything denied but fuse (10:229), the container opens the fuse node but neither kmsg (1:11, opened
 * write-only, which the kernel itself never refuses to root) nor tun (10:200): the device cgroup refuses both with
 * EPERM. A second container whose list also allows 1:11 and 10:200 shows those refusals go away, so they came from
 * the list. Opening a node only opens it; nothing is read or written.
 */
@Tag("devices")
class DeviceCgroupIT {

    @ConformanceTest
    @Requirement("devices.cgroup.allowed-list")
    void deniedDeviceCannotBeOpenedAndAnAllowedOneCan(RuntimeUnderTest runtime) throws IOException, InterruptedException {
        Path nodes = Files.createDirectories(runtime.scratchDir().resolve("device-nodes"));
        mknod(nodes.resolve("fuse"), 10, 229);
        mknod(nodes.resolve("kmsg"), 1, 11);
        mknod(nodes.resolve("tun"), 10, 200);

        Bundle fuseOnly = run(runtime, nodes, false);
        assertThat(result(fuseOnly, "fuse")).as("opening the allowed fuse node (10:229)").isEqualTo("opened");
        assertThat(result(fuseOnly, "kmsg")).as("opening the kmsg node (1:11), which the list denies")
                .startsWith("refused").containsIgnoringCase("not permitted");
        assertThat(result(fuseOnly, "tun")).as("opening the tun node (10:200), which the list denies")
                .startsWith("refused").containsIgnoringCase("not permitted");

        Bundle all = run(runtime, nodes, true);
        for (String node : List.of("kmsg", "tun")) {
            assertThat(result(all, node)).as("opening the %s node once the list allows it", node)
                    .doesNotContainIgnoringCase("not permitted");
        }
    }

    private static Bundle run(RuntimeUnderTest runtime, Path nodes, boolean allowAll) {
        Bundle bundle = runtime.bundle()
                .mount(new Mount("/mnt/nodes", Optional.of("bind"), Optional.of(nodes.toString()), List.of("bind")))
                .resources(r -> {
                    ArrayNode list = r.putArray("devices");
                    list.addObject().put("allow", false).put("access", "rwm");
                    list.addObject().put("allow", true).put("type", "c").put("major", 10).put("minor", 229)
                            .put("access", "rw");
                    if (allowAll) {
                        list.addObject().put("allow", true).put("type", "c").put("major", 1).put("minor", 11)
                                .put("access", "rw");
                        list.addObject().put("allow", true).put("type", "c").put("major", 10).put("minor", 200)
                                .put("access", "rw");
                    }
                })
                .args(sh(open("fuse", "<>") + "; " + open("kmsg", ">") + "; " + open("tun", "<>")))
                .build();
        try {
            Files.createDirectories(bundle.rootfs().resolve("mnt/nodes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DefaultDevicesIT.runToEnd(runtime, bundle);
        return bundle;
    }

    private static String result(Bundle bundle, String node) {
        return bundle.out(node).map(String::strip).orElseThrow(() -> new AssertionError("no result for " + node
                + "; container stderr: " + bundle.stderr().strip()));
    }

    /** Shell snippet: opens /mnt/nodes/NAME with redirection {@code mode} and records opened or refused. */
    private static String open(String name, String mode) {
        return "if (exec 3" + mode + " /mnt/nodes/" + name + ") 2> /ocitk/out/" + name + ".err; then echo opened; else"
                + " echo \"refused: $(cat /ocitk/out/" + name + ".err)\"; fi > /ocitk/out/" + name;
    }

    private static void mknod(Path node, int major, int minor) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mknod", "-m", "666", node.toString(), "c", Integer.toString(major),
                Integer.toString(minor)).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as("mknod %s (suite setup)", node).isTrue();
    }
}
