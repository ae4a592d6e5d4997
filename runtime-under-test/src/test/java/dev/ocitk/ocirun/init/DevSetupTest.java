package dev.ocitk.ocirun.init;

import dev.ocitk.ocirun.spec.LinuxSpec;
import dev.ocitk.ocirun.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevSetupTest {
    @TempDir
    Path rootfs;
    RecordingSyscalls sys = new RecordingSyscalls();

    @Test
    void defaultDevicesWithModeFixedAfterTheUmask() throws IOException {
        Files.createDirectories(rootfs.resolve("dev/pts"));
        new DevSetup(sys, rootfs).setUp(List.of(), List.of());
        assertThat(sys.calls).contains(
                "mknod " + rootfs.resolve("dev/null") + " 020666 259",
                "chmod " + rootfs.resolve("dev/null") + " 0666",
                "mknod " + rootfs.resolve("dev/tty") + " 020666 1280",
                "symlink pts/ptmx " + rootfs.resolve("dev/ptmx"));
    }

    @Test
    void devSymlinksOnlyWhenTheirSourceExists() throws IOException {
        Files.createDirectories(rootfs.resolve("dev"));
        new DevSetup(sys, rootfs).setUp(List.of(), List.of());
        assertThat(sys.calls).noneMatch(c -> c.startsWith("symlink /proc/self"));
        Files.createDirectories(rootfs.resolve("proc/self/fd"));
        Files.createSymbolicLink(rootfs.resolve("proc/self/fd/1"), Path.of("/host/only/path"));
        sys.calls.clear();
        new DevSetup(sys, rootfs).setUp(List.of(), List.of());
        assertThat(sys.calls).contains("symlink /proc/self/fd " + rootfs.resolve("dev/fd"),
                "symlink /proc/self/fd/1 " + rootfs.resolve("dev/stdout"));
        assertThat(sys.calls).noneMatch(c -> c.contains("dev/stderr"));
    }

    @Test
    void aBindMountedDevIsLeftAlone() {
        new DevSetup(sys, rootfs).setUp(List.of(new Spec.Mount("/dev", "bind", "/dev", List.of("rbind"), null, null)), List.of());
        assertThat(sys.calls).noneMatch(c -> c.startsWith("mknod"));
    }

    @Test
    void configuredDevicesGetTypeModeAndOwner() {
        new DevSetup(sys, rootfs).setUp(List.of(new Spec.Mount("/dev", "bind", "/dev", List.of("bind"), null, null)),
                List.of(new LinuxSpec.Device("c", "/dev/fuse", 10L, 229L, 438L, 1L, 2L),
                        new LinuxSpec.Device("p", "/run/fifo", null, null, null, null, null)));
        assertThat(sys.calls).containsExactly(
                "mknod " + rootfs.resolve("dev/fuse") + " 020666 " + DevSetup.makedev(10, 229),
                "chown " + rootfs.resolve("dev/fuse") + " 1:2",
                "chmod " + rootfs.resolve("dev/fuse") + " 0666",
                "mknod " + rootfs.resolve("run/fifo") + " 010666 0",
                "chown " + rootfs.resolve("run/fifo") + " 0:0",
                "chmod " + rootfs.resolve("run/fifo") + " 0666");
    }

    @Test
    void anExistingFileThatIsNotTheDeviceIsAnError() throws IOException {
        Files.createDirectories(rootfs.resolve("dev"));
        Files.writeString(rootfs.resolve("dev/fuse"), "not a device");
        assertThatThrownBy(() -> new DevSetup(sys, rootfs).setUp(List.of(),
                List.of(new LinuxSpec.Device("c", "/dev/fuse", 10L, 229L, null, null, null))))
                .hasMessageContaining("/dev/fuse").hasMessageContaining("not the requested device");
    }

    @Test
    void makedevMatchesGlibc() {
        assertThat(DevSetup.makedev(1, 3)).isEqualTo(259);
        assertThat(DevSetup.makedev(136, 0)).isEqualTo(136 << 8);
        // Minor bits above 8 go to bits 20+, major bits above 12 to bits 44+ (sys/sysmacros.h).
        assertThat(DevSetup.makedev(259, 65536)).isEqualTo((259L << 8) | (65536L << 12));
        assertThat(DevSetup.makedev(4096, 0)).isEqualTo(4096L << 32);
    }
}
