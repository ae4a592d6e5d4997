package dev.ocitk.ocirun.linux;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MountInfoTest {
    static final String SAMPLE = """
            26 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw,discard
            30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            88 26 0:50 /dir\\040with\\040space /mnt/a\\011b rw master:3 shared:7 - tmpfs none rw
            """;

    @Test
    void parsesFieldsAndOptionalTags() {
        List<MountInfo> all = MountInfo.parse(SAMPLE);
        assertThat(all).hasSize(6);
        MountInfo root = all.get(0);
        assertThat(root.mountPoint()).isEqualTo("/");
        assertThat(root.optionalFields()).containsExactly("shared:1");
        assertThat(root.fsType()).isEqualTo("ext4");
        assertThat(root.source()).isEqualTo("/dev/vda");
        assertThat(all.get(3).superOptionList()).containsExactly("rw", "name=systemd");
    }

    @Test
    void decodesOctalEscapes() {
        MountInfo m = MountInfo.parse(SAMPLE).get(5);
        assertThat(m.root()).isEqualTo("/dir with space");
        assertThat(m.mountPoint()).isEqualTo("/mnt/a\tb");
        assertThat(m.optionalFields()).containsExactly("master:3", "shared:7");
    }

    @Test
    void findsTheTopmostMountAtAPoint() {
        var mounts = MountInfo.parse(SAMPLE + "99 31 0:60 / /sys/fs/cgroup/cpu rw - tmpfs t rw\n");
        assertThat(MountInfo.at(mounts, "/sys/fs/cgroup/cpu")).get().extracting(MountInfo::id).isEqualTo(99);
        assertThat(MountInfo.at(mounts, "/nowhere")).isEmpty();
    }
}
