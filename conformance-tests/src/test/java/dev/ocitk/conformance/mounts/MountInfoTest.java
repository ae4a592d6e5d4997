package dev.ocitk.conformance.mounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MountInfoTest {

    private static final String TABLE = String.join("\n",
            "386 385 254:0 /tmp/b/rootfs / rw,relatime master:12 - ext4 /dev/vda rw,discard",
            "387 386 0:50 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw",
            "390 386 0:52 / /mnt/with\\040space ro,nosuid shared:7 master:3 - tmpfs tmpfs rw,size=2048k,mode=1770",
            "391 386 0:53 / /mnt/u rw unbindable - tmpfs tmpfs rw",
            "392 386 0:54 / /mnt/u rw - tmpfs second rw",
            "");

    @Test
    void readsOptionalFieldsOptionsAndEscapes() {
        MountInfo table = MountInfo.parse(TABLE);

        MountInfo.Line root = table.at("/").orElseThrow();
        assertThat(root.masterPeerGroup()).hasValue(12);
        assertThat(root.sharedPeerGroup()).isEmpty();
        assertThat(root.root()).isEqualTo("/tmp/b/rootfs");
        assertThat(root.device()).isEqualTo("254:0");

        MountInfo.Line spaced = table.at("/mnt/with space").orElseThrow();
        assertThat(spaced.sharedPeerGroup()).hasValue(7);
        assertThat(spaced.masterPeerGroup()).hasValue(3);
        assertThat(spaced.mountOptions()).containsExactlyInAnyOrder("ro", "nosuid");
        assertThat(spaced.superOption("size")).hasValue("2048k");
        assertThat(spaced.superOption("mode")).hasValue("1770");
        assertThat(spaced.isPrivate()).isFalse();

        assertThat(table.at("/proc").orElseThrow().isPrivate()).isTrue();
    }

    @Test
    void topmostMountWinsAndStackedMountsAreAllListed() {
        MountInfo table = MountInfo.parse(TABLE);

        assertThat(table.at("/mnt/u").orElseThrow().source()).isEqualTo("second");
        assertThat(table.allAt("/mnt/u")).hasSize(2);
        assertThat(table.allAt("/mnt/u").get(0).unbindable()).isTrue();
        assertThat(table.under("/mnt")).hasSize(3);
        assertThat(table.at("/nowhere")).isEmpty();
    }

    @Test
    void rejectsALineWithoutSeparator() {
        assertThatThrownBy(() -> MountInfo.parse("1 2 0:1 / / rw shared:1 ext4 /dev/x rw"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed");
    }
}
