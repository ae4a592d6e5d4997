package dev.ocitk.conformance.devices;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.BundleBuilder;
import dev.ocitk.conformance.runtime.CommandResult;

import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static dev.ocitk.conformance.RuntimeAssertions.assertSucceeded;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/** Devices listed in linux.devices (config-linux.md#devices). */
@Tag("devices")
class LinuxDevicesIT {

    @ConformanceTest
    @Requirement("devices.linux.nodes")
    void linuxDevicesHaveTheirTypeNumbersModeAndOwner(RuntimeUnderTest runtime) {
        // fileMode is decimal in config.json: 416 = 0640, 384 = 0600, 400 = 0620.
        Bundle bundle = runtime.bundle()
                .edit(c -> {
                    ArrayNode devices = linux(c).putArray("devices");
                    device(devices, "/dev/ocitk-char", "c", 1, 5, 416, 1000, 1001);
                    device(devices, "/dev/ocitk-block", "b", 7, 0, 384, 0, 6);
                    device(devices, "/dev/ocitk-fifo", "p", -1, -1, 400, 1002, 1003);
                })
                .args(sh("stat -c '%n|%F|%t:%T|%a|%u:%g' /dev/ocitk-char /dev/ocitk-block /dev/ocitk-fifo"
                        + " > /ocitk/out/devices"))
                .build();
        DefaultDevicesIT.runToEnd(runtime, bundle);

        assertThat(bundle.outLines("devices")).as("path|type|major:minor (hex)|mode|uid:gid of each linux.devices entry"
                + " (container stderr: %s)", bundle.stderr().strip()).containsExactly(
                "/dev/ocitk-char|character special file|1:5|640|1000:1001",
                "/dev/ocitk-block|block special file|7:0|600|0:6",
                "/dev/ocitk-fifo|fifo|0:0|620|1002:1003");
    }

    @ConformanceTest
    @Requirement("devices.linux.existing-mismatch-error")
    void fileAtADevicePathThatIsNotTheDeviceFailsCreate(RuntimeUnderTest runtime) throws IOException {
        Bundle clash = withDeviceAt(runtime, "/ocitk-dev").build();
        Path existing = Files.writeString(clash.rootfs().resolve("ocitk-dev"), "a regular file\n");

        CommandResult create = runtime.tryCreate(clash);

        assertError(create, "create with a regular file where linux.devices wants /ocitk-dev");
        assertThat(runtime.leftoversOf(clash.containerId(), clash)).as("what the failed create left").isEmpty();
        assertThat(Files.readString(existing)).as("the regular file at the device path").isEqualTo("a regular file\n");

        // Control: the same device entry without the clashing file is accepted.
        Bundle control = withDeviceAt(runtime, "/ocitk-dev").build();
        assertSucceeded(runtime.tryCreate(control), "create of the same config without the clashing file");
    }

    private static BundleBuilder withDeviceAt(RuntimeUnderTest runtime, String path) {
        return runtime.bundle().edit(c -> device(linux(c).putArray("devices"), path, "c", 1, 3, 438, 0, 0));
    }

    static ObjectNode linux(ObjectNode config) {
        return config.withObjectProperty("linux");
    }

    /** Adds a linux.devices entry; major/minor below 0 are left out (fifos). */
    static void device(ArrayNode devices, String path, String type, long major, long minor, int fileMode, int uid,
                       int gid) {
        ObjectNode d = devices.addObject().put("path", path).put("type", type);
        if (major >= 0) d.put("major", major).put("minor", minor);
        d.put("fileMode", fileMode).put("uid", uid).put("gid", gid);
    }
}
