package dev.ocitk.conformance.host;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MountinfoTest {

    private static final String TABLE = """
            22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
            31 30 0:28 / /sys/fs/cgroup/cpu rw,nosuid - cgroup cgroup rw,cpu
            40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            77 22 0:50 / /tmp/with\\040space/b rw master:3 propagate_from:2 - tmpfs tmp\\011fs rw,size=64k
            """;

    @Test
    void parsesFieldsAroundOptionalTags() {
        List<MountEntry> mounts = Mountinfo.parse(TABLE);

        assertThat(mounts).hasSize(4);
        MountEntry tmp = mounts.get(3);
        assertThat(tmp.mountPoint()).isEqualTo(Path.of("/tmp/with space/b"));
        assertThat(tmp.fsType()).isEqualTo("tmpfs");
        assertThat(tmp.source()).isEqualTo("tmp\tfs");
        assertThat(tmp.superOptions()).isEqualTo("rw,size=64k");
        assertThat(tmp.isUnder(Path.of("/tmp/with space"))).isTrue();
        assertThat(tmp.isUnder(Path.of("/tmp/with"))).isFalse();
    }

    @Test
    void findsCgroupHierarchies() {
        CgroupHierarchies h = CgroupHierarchies.of(Mountinfo.parse(TABLE));

        assertThat(h.v1MountPoints()).containsExactly(Path.of("/sys/fs/cgroup/cpu"));
        assertThat(h.v2MountPoints()).containsExactly(Path.of("/sys/fs/cgroup/unified"));
        assertThat(h.directoriesFor("/ocitk-x")).containsExactly(Path.of("/sys/fs/cgroup/cpu/ocitk-x"),
                Path.of("/sys/fs/cgroup/unified/ocitk-x"));
        assertThat(h.unifiedOnly()).isFalse();
    }

    @Test
    void readsThisProcessTable() {
        assertThat(Mountinfo.self()).anySatisfy(m -> assertThat(m.mountPoint()).isEqualTo(Path.of("/")));
    }

    @Test
    void rejectsMalformedLines() {
        assertThatThrownBy(() -> Mountinfo.parse("1 2 3\n")).hasMessageContaining("malformed mountinfo line");
    }
}
