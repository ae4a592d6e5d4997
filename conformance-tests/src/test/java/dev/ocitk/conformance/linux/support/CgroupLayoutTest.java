package dev.ocitk.conformance.linux.support;

import dev.ocitk.conformance.host.Mountinfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CgroupLayoutTest {

    private static final String HYBRID = """
            30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            31 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct
            34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd
            40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw,nsdelegate
            """;

    private static final String PROC_CGROUP = """
            4:memory:/process_api/ocitk-1
            2:cpu,cpuacct:/ocitk-1
            1:name=systemd:/
            0::/ocitk-1
            """;

    @Test
    void detectsTheThreeLayouts() {
        assertThat(CgroupLayout.of(Mountinfo.parse(HYBRID)).mode()).isEqualTo(CgroupLayout.Mode.HYBRID);
        assertThat(CgroupLayout.of(Mountinfo.parse(
                "40 30 0:37 / /sys/fs/cgroup rw,relatime - cgroup2 cgroup2 rw,nsdelegate\n")).mode())
                .isEqualTo(CgroupLayout.Mode.V2);
        assertThat(CgroupLayout.of(Mountinfo.parse(
                "34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n")).mode())
                .isEqualTo(CgroupLayout.Mode.V1);
        assertThat(CgroupLayout.of(List.of()).mode()).isEqualTo(CgroupLayout.Mode.NONE);
    }

    @Test
    void findsTheDirectoryOfEachControllerFromProcCgroup() {
        CgroupLayout layout = CgroupLayout.of(Mountinfo.parse(HYBRID));
        List<CgroupMembership> m = CgroupMembership.parse(PROC_CGROUP);

        assertThat(layout.v1("cpuacct")).contains(Path.of("/sys/fs/cgroup/cpu,cpuacct"));
        assertThat(layout.v1("name=systemd")).contains(Path.of("/sys/fs/cgroup/systemd"));
        assertThat(layout.v1("xattr")).isEmpty();
        assertThat(layout.v1Dir(m, "memory")).contains(Path.of("/sys/fs/cgroup/memory/process_api/ocitk-1"));
        assertThat(layout.v1Dir(m, "cpu")).contains(Path.of("/sys/fs/cgroup/cpu,cpuacct/ocitk-1"));
        assertThat(layout.v1Dir(m, "pids")).isEmpty();
        assertThat(layout.v2Dir(m)).contains(Path.of("/sys/fs/cgroup/unified/ocitk-1"));
        assertThat(layout.allDirs(m)).containsExactly(Path.of("/sys/fs/cgroup/memory/process_api/ocitk-1"),
                Path.of("/sys/fs/cgroup/cpu,cpuacct/ocitk-1"), Path.of("/sys/fs/cgroup/systemd"),
                Path.of("/sys/fs/cgroup/unified/ocitk-1"));
    }

    @Test
    void membershipLinesKeepControllerNames() {
        List<CgroupMembership> m = CgroupMembership.parse(PROC_CGROUP);

        assertThat(m.get(1).controllers()).containsExactly("cpu", "cpuacct");
        assertThat(m.get(3).isUnified()).isTrue();
        assertThat(m.get(2).controllers()).containsExactly("name=systemd");
    }
}
