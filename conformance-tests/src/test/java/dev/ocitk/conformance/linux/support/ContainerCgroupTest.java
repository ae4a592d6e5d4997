package dev.ocitk.conformance.linux.support;

import dev.ocitk.conformance.host.Mountinfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads control files from fake cgroup trees in a temporary folder, one per layout. */
class ContainerCgroupTest {

    private static final String MEMBERSHIP = "4:memory:/ocitk-1\n3:pids:/ocitk-1\n0::/ocitk-1\n";

    @Test
    void v2HostReadsV2FilesFromTheUnifiedDirectory(@TempDir Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("cgroup"));
        Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids\n");
        Path dir = Files.createDirectories(root.resolve("ocitk-1"));
        Files.writeString(dir.resolve("memory.max"), "100663296\n");
        Files.writeString(dir.resolve("cpu.max"), "25000 125000\n");
        CgroupLayout layout = CgroupLayout.of(Mountinfo.parse(
                "40 30 0:37 / " + root + " rw,relatime - cgroup2 cgroup2 rw,nsdelegate\n"));

        ContainerCgroup cg = new ContainerCgroup(layout, CgroupMembership.parse("0::/ocitk-1\n"));

        assertThat(cg.unified()).isTrue();
        assertThat(cg.read("memory", "memory.limit_in_bytes", "memory.max")).contains("100663296");
        assertThat(cg.read("cpu", "cpu.cfs_quota_us", "cpu.max")).contains("25000 125000");
        assertThat(cg.read("pids", "pids.max", "pids.max")).isEmpty();
        assertThat(cg.has("net_cls")).isFalse();
        assertThat(cg.path("memory")).contains("/ocitk-1");
    }

    @Test
    void hybridHostReadsV1FilesAndIgnoresTheV2Mount(@TempDir Path tmp) throws IOException {
        Path memory = Files.createDirectories(tmp.resolve("memory/ocitk-1"));
        Files.writeString(memory.resolve("memory.limit_in_bytes"), "100663296\n");
        Path unified = Files.createDirectories(tmp.resolve("unified/ocitk-1"));
        Files.writeString(tmp.resolve("unified/cgroup.controllers"), "hugetlb\n");
        Files.writeString(unified.resolve("memory.max"), "max\n");
        CgroupLayout layout = CgroupLayout.of(Mountinfo.parse(
                "34 30 0:31 / " + tmp.resolve("memory") + " rw,relatime - cgroup cgroup rw,memory\n"
                        + "40 30 0:37 / " + tmp.resolve("unified") + " rw,relatime - cgroup2 cgroup2 rw\n"));

        ContainerCgroup cg = new ContainerCgroup(layout, CgroupMembership.parse(MEMBERSHIP));

        assertThat(layout.mode()).isEqualTo(CgroupLayout.Mode.HYBRID);
        assertThat(cg.read("memory", "memory.limit_in_bytes", "memory.max")).contains("100663296");
        assertThat(cg.has("pids")).as("pids is in /proc/<pid>/cgroup but not mounted here").isFalse();
        assertThat(cg.has("hugetlb")).as("hugetlb only in the hybrid v2 mount").isFalse();
        assertThat(cg.allDirs()).containsExactly(memory, unified);
        assertThat(layout.v2Controllers()).containsExactly("hugetlb");
    }

    @Test
    void missingFileOrControllerReadsEmpty(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("memory/ocitk-1"));
        CgroupLayout layout = CgroupLayout.of(Mountinfo.parse(
                "34 30 0:31 / " + tmp.resolve("memory") + " rw,relatime - cgroup cgroup rw,memory\n"));

        ContainerCgroup cg = new ContainerCgroup(layout, CgroupMembership.parse(MEMBERSHIP));

        assertThat(cg.read("memory", "memory.memsw.limit_in_bytes", "memory.swap.max")).isEmpty();
        assertThat(cg.read("cpu", "cpu.shares", "cpu.weight")).isEmpty();
        assertThat(List.of(cg.unified())).containsExactly(false);
    }
}
