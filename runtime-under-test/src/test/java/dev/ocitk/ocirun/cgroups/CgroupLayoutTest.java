package dev.ocitk.ocirun.cgroups;

import dev.ocitk.ocirun.linux.MountInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CgroupLayoutTest {
    /** This project's CI host: v1 controllers plus an empty v2 tree (hybrid). */
    static final String HYBRID_MOUNTS = """
            30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            33 30 0:30 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
            34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,release_agent=/x,name=systemd
            40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;
    static final String HYBRID_SELF = """
            9:name=systemd:/
            4:memory:/process_api/abc
            3:cpuset:/
            1:cpu:/
            0::/
            """;

    @Test
    void detectsAHybridHostAndEachHierarchysOwnCgroup() {
        CgroupLayout l = CgroupLayout.detect(MountInfo.parse(HYBRID_MOUNTS), HYBRID_SELF);
        assertThat(l.mode()).isEqualTo(CgroupLayout.Mode.HYBRID);
        assertThat(l.v1()).extracting(CgroupLayout.Hierarchy::dirName).containsExactly("cpu", "cpuset", "memory", "systemd");
        assertThat(l.v1Hierarchy("memory")).get().extracting(CgroupLayout.Hierarchy::ownPath).isEqualTo("/process_api/abc");
        assertThat(l.v1Hierarchy("name=systemd")).isPresent();
        assertThat(l.unified().mountPoint()).isEqualTo(Path.of("/sys/fs/cgroup/unified"));
    }

    @Test
    void absolutePathsHangOffTheMountAndRelativeOnesOffOurOwnCgroup() {
        CgroupLayout l = CgroupLayout.detect(MountInfo.parse(HYBRID_MOUNTS), HYBRID_SELF);
        CgroupLayout.Hierarchy mem = l.v1Hierarchy("memory").orElseThrow();
        assertThat(mem.resolve("/ocitk-c1")).isEqualTo(Path.of("/sys/fs/cgroup/memory/ocitk-c1"));
        assertThat(mem.resolve("c1")).isEqualTo(Path.of("/sys/fs/cgroup/memory/process_api/abc/c1"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mem.resolve("/a/../../etc"))
                .hasMessageContaining("..");
    }

    @Test
    void insideAContainerTheMountRootIsStrippedFromOurOwnPath() {
        CgroupLayout l = CgroupLayout.detect(MountInfo.parse(
                "50 40 0:31 /docker/xyz /sys/fs/cgroup/memory ro - cgroup cgroup rw,memory\n"),
                "4:memory:/docker/xyz\n");
        assertThat(l.mode()).isEqualTo(CgroupLayout.Mode.V1);
        assertThat(l.v1().get(0).resolve("c1")).isEqualTo(Path.of("/sys/fs/cgroup/memory/c1"));
    }

    @Test
    void detectsUnifiedV2() {
        CgroupLayout l = CgroupLayout.detect(MountInfo.parse(
                "35 24 0:30 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n"), "0::/user.slice/x\n");
        assertThat(l.mode()).isEqualTo(CgroupLayout.Mode.V2);
        assertThat(l.unified().resolve("c1")).isEqualTo(Path.of("/sys/fs/cgroup/user.slice/x/c1"));
    }
}
