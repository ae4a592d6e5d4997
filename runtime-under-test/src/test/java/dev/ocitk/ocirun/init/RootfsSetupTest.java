package dev.ocitk.ocirun.init;

import dev.ocitk.ocirun.cgroups.CgroupMountPlan;
import dev.ocitk.ocirun.spec.Spec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RootfsSetupTest {
    @TempDir
    Path bundle;
    Path rootfs;
    RecordingSyscalls sys = new RecordingSyscalls();

    @BeforeEach
    void rootfs() throws IOException {
        rootfs = Files.createDirectories(bundle.resolve("rootfs"));
    }

    /** Links that point outside the temp dir are removed here, so JUnit's clean-up has nothing to warn about. */
    @org.junit.jupiter.api.AfterEach
    void removeLinks() throws IOException {
        try (var walk = Files.walk(bundle)) {
            for (Path p : walk.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }

    private RootfsSetup setup(CgroupMountPlan plan, boolean cgroupns, String fault) {
        return new RootfsSetup(sys, rootfs, bundle, plan, cgroupns, fault);
    }

    private RootfsSetup setup() {
        return setup(new CgroupMountPlan(false, List.of(), null), false, null);
    }

    private static Spec.Mount m(String dest, String type, String source, String... options) {
        return new Spec.Mount(dest, type, source, List.of(options), null, null);
    }

    @Test
    void rootIsCutOffFromTheHostThenBoundOntoItself() {
        setup().prepareRoot(null);
        assertThat(sys.calls).containsExactly(
                "mount null / null 0x84000 null", // MS_SLAVE | MS_REC
                "mount " + rootfs + " " + rootfs + " bind 0x5000 null");
    }

    @Test
    void privatePropagationIsAppliedRecursivelyFromTheStart() {
        setup().prepareRoot("rprivate");
        assertThat(sys.calls.get(0)).isEqualTo("mount null / null 0x44000 null"); // MS_PRIVATE | MS_REC
    }

    @Test
    void filesystemMountsGetFlagsAndDataAndTheirMountPoint() {
        setup().mountAll(List.of(m("/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=65536k")));
        assertThat(sys.calls).containsExactly("mount shm " + rootfs.resolve("dev/shm") + " tmpfs 0xe mode=1777,size=65536k");
        assertThat(rootfs.resolve("dev/shm")).isDirectory();
    }

    @Test
    void bindMountsIgnoreFlagsSoTheyAreReappliedWithARemount() throws IOException {
        Files.writeString(bundle.resolve("hostfile"), "x");
        setup().mountAll(List.of(m("/etc/hostname", "none", "hostfile", "rbind", "ro", "nosuid")));
        Path target = rootfs.resolve("etc/hostname");
        assertThat(sys.calls).containsExactly(
                "mount " + bundle.resolve("hostfile") + " " + target + " bind 0x5000 null",
                "mount null " + target + " null 0x1023 null"); // MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID
        assertThat(target).isRegularFile().as("a file bind needs a file mount point");
    }

    @Test
    void propagationAndRecursiveAttributesFollowTheMount() throws IOException {
        Files.createDirectories(bundle.resolve("data"));
        setup().mountAll(List.of(m("/data", "bind", bundle.resolve("data").toString(), "rbind", "rprivate", "rro")));
        assertThat(sys.calls).containsExactly(
                "mount " + bundle.resolve("data") + " " + rootfs.resolve("data") + " bind 0x5000 null",
                "mount null " + rootfs.resolve("data") + " null 0x44000 null",
                "setattr " + rootfs.resolve("data") + " true set=0x1 clr=0x0");
    }

    @Test
    void relativeDestinationsAreRelativeToRootAndSymlinksCannotEscape() throws IOException {
        Files.createSymbolicLink(rootfs.resolve("escape"), Path.of("/"));
        setup().mountAll(List.of(m("tmp", "tmpfs", "tmpfs"), m("/escape/etc", "tmpfs", "tmpfs")));
        assertThat(sys.calls).containsExactly(
                "mount tmpfs " + rootfs.resolve("tmp") + " tmpfs 0x0 null",
                "mount tmpfs " + rootfs.resolve("etc") + " tmpfs 0x0 null");
    }

    @Test
    void aMissingBindSourceIsAnErrorNamingTheMount() {
        assertThatThrownBy(() -> setup().mountAll(List.of(m("/x", "none", "/no/such/dir", "bind"))))
                .hasMessageContaining("mounts[0] /x").hasMessageContaining("does not exist");
    }

    @Test
    void theIgnoreMountRoFaultDropsReadOnly() {
        setup(new CgroupMountPlan(false, List.of(), null), false, "ignore-mount-ro")
                .mountAll(List.of(m("/ro", "tmpfs", "tmpfs", "ro")));
        assertThat(sys.calls).containsExactly("mount tmpfs " + rootfs.resolve("ro") + " tmpfs 0x0 null");
    }

    @Test
    void v1CgroupMountIsATmpfsWithTheContainersCgroupBoundPerHierarchy() {
        CgroupMountPlan plan = new CgroupMountPlan(false, List.of(
                new CgroupMountPlan.Hierarchy("cpu,cpuacct", "cpu,cpuacct", "/sys/fs/cgroup/cpu,cpuacct/c1"),
                new CgroupMountPlan.Hierarchy("systemd", "none,name=systemd", "/sys/fs/cgroup/systemd/c1")), null);
        setup(plan, false, null).mountAll(List.of(m("/sys/fs/cgroup", "cgroup", "cgroup", "nosuid", "ro")));
        Path t = rootfs.resolve("sys/fs/cgroup");
        assertThat(sys.calls).containsExactly(
                "mount tmpfs " + t + " tmpfs 0xe mode=755",
                "mount /sys/fs/cgroup/cpu,cpuacct/c1 " + t.resolve("cpu,cpuacct") + " bind 0x5000 null",
                "mount null " + t.resolve("cpu,cpuacct") + " null 0x1023 null",
                "mount /sys/fs/cgroup/systemd/c1 " + t.resolve("systemd") + " bind 0x5000 null",
                "mount null " + t.resolve("systemd") + " null 0x1023 null",
                "symlink cpu,cpuacct " + t.resolve("cpu"),
                "symlink cpu,cpuacct " + t.resolve("cpuacct"));
    }

    @Test
    void withACgroupNamespaceHierarchiesAreMountedAfresh() {
        CgroupMountPlan plan = new CgroupMountPlan(false, List.of(
                new CgroupMountPlan.Hierarchy("memory", "memory", "/sys/fs/cgroup/memory/c1")), null);
        setup(plan, true, null).mountAll(List.of(m("/sys/fs/cgroup", "cgroup", "cgroup")));
        assertThat(sys.calls).contains("mount cgroup " + rootfs.resolve("sys/fs/cgroup/memory") + " cgroup 0x0 memory");
    }

    @Test
    void rootPropagationAfterPivotMapsEachValue() {
        RootfsSetup.applyRootPropagation(sys, "shared");
        RootfsSetup.applyRootPropagation(sys, "runbindable");
        RootfsSetup.applyRootPropagation(sys, null);
        assertThat(sys.calls).containsExactly("mount null / null 0x100000 null", "mount null / null 0x24000 null");
    }
}
