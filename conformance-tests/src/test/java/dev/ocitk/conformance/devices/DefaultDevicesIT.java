package dev.ocitk.conformance.devices;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.mounts.MountInfo;

import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devices every Linux container has (config-linux.md#default-devices), checked from inside with busybox
 * {@code stat} ({@code %t:%T} is major:minor in hex) and by using them.
 */
@Tag("devices")
class DefaultDevicesIT {

    @ConformanceTest
    @Requirement("devices.default.nodes")
    void defaultDevicesAreTheNamedCharacterDevicesAndWork(RuntimeUnderTest runtime) {
        String script = String.join("; ",
                "for d in null zero full random urandom tty; do echo \"$d $(stat -c '%F %t:%T' /dev/$d)\"; done"
                        + " > /ocitk/out/nodes",
                "stat -c '%n %a %u:%g' /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty > /ocitk/out/modes",
                "if echo x > /dev/null; then echo written; else echo refused; fi > /ocitk/out/null",
                "head -c 4 /dev/zero | od -An -tx1 | tr -d ' \\n' > /ocitk/out/zero",
                "if echo x > /dev/full 2> /ocitk/out/full.err; then echo written; else cat /ocitk/out/full.err; fi"
                        + " > /ocitk/out/full",
                "head -c 16 /dev/urandom | wc -c > /ocitk/out/urandom",
                "head -c 16 /dev/random | wc -c > /ocitk/out/random");
        Bundle bundle = runtime.bundle().args(sh(script)).build();
        runToEnd(runtime, bundle);

        runtime.observe("default-device-modes", String.join("; ", bundle.outLines("modes")));
        assertThat(bundle.outLines("nodes")).as("type and major:minor of each default device").containsExactly(
                "null character special file 1:3",
                "zero character special file 1:5",
                "full character special file 1:7",
                "random character special file 1:8",
                "urandom character special file 1:9",
                "tty character special file 5:0");
        assertThat(bundle.out("null")).as("write to /dev/null").contains("written\n");
        assertThat(bundle.out("zero")).as("4 bytes read from /dev/zero, in hex").contains("00000000");
        assertThat(bundle.out("full")).as("write to /dev/full").hasValueSatisfying(
                s -> assertThat(s).containsIgnoringCase("no space left"));
        assertThat(bundle.out("urandom").map(String::strip)).as("bytes read from /dev/urandom").contains("16");
        assertThat(bundle.out("random").map(String::strip)).as("bytes read from /dev/random").contains("16");
    }

    @ConformanceTest
    @Requirement("devices.default.ptmx")
    void ptmxIsTheContainersOwnDevptsPtmx(RuntimeUnderTest runtime) throws IOException {
        Bundle bundle = runtime.bundle().args(sh("stat -c %F /dev/ptmx > /ocitk/out/type; readlink /dev/ptmx >"
                + " /ocitk/out/link; stat -L -c '%F %t:%T' /dev/ptmx > /ocitk/out/target;"
                + " cat /proc/self/mountinfo > /ocitk/out/mountinfo")).build();
        runToEnd(runtime, bundle);

        MountInfo table = MountInfo.parse(bundle.out("mountinfo").orElseThrow(() -> new AssertionError(
                "the container wrote no mountinfo: " + bundle.stderr())));
        MountInfo.Line pts = table.at("/dev/pts").orElseThrow(() -> new AssertionError("no mount at /dev/pts"));
        Set<String> hostDevpts = MountInfo.parse(Files.readString(Path.of("/proc/self/mountinfo"))).lines().stream()
                .filter(l -> l.fsType().equals("devpts")).map(MountInfo.Line::device).collect(Collectors.toSet());
        assertThat(pts.fsType()).as("file system at /dev/pts").isEqualTo("devpts");
        assertThat(hostDevpts).as("devpts instances of the host; the container's /dev/pts (%s) must be its own", pts)
                .doesNotContain(pts.device());
        assertThat(bundle.out("target").map(String::strip)).as("what /dev/ptmx leads to").contains("character special file 5:2");

        String type = bundle.out("type").orElse("").strip();
        if (type.equals("symbolic link")) {
            assertThat(bundle.out("link").map(String::strip)).as("target of the /dev/ptmx symlink")
                    .hasValueSatisfying(t -> assertThat(List.of("pts/ptmx", "/dev/pts/ptmx")).contains(t));
        } else {
            MountInfo.Line ptmx = table.at("/dev/ptmx").orElseThrow(() -> new AssertionError("/dev/ptmx is a " + type
                    + ", neither a symlink nor a mount point"));
            assertThat(ptmx.device()).as("file system of the /dev/ptmx bind mount (%s), which must be the container's"
                    + " devpts (%s)", ptmx, pts).isEqualTo(pts.device());
        }
    }

    static void runToEnd(RuntimeUnderTest runtime, Bundle bundle) {
        Container container = runtime.create(bundle);
        container.start();
        container.awaitStatus("stopped");
    }
}
