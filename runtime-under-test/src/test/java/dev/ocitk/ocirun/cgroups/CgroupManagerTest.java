package dev.ocitk.ocirun.cgroups;

import dev.ocitk.ocirun.linux.MountInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the manager against a fake cgroupfs tree in a temp dir (this host's v2 tree has no controllers). */
class CgroupManagerTest {
    @TempDir
    Path fs;

    private CgroupLayout v2(String controllers) throws IOException {
        Files.writeString(fs.resolve("cgroup.controllers"), controllers);
        Files.writeString(fs.resolve("cgroup.subtree_control"), "");
        Files.createDirectories(fs.resolve("parent"));
        Files.writeString(fs.resolve("parent/cgroup.subtree_control"), "");
        return CgroupLayout.detect(MountInfo.parse("1 0 0:1 / " + fs + " rw - cgroup2 cgroup2 rw\n"), "0::/\n");
    }

    @Test
    void v2CreatesEnablesControllersTopDownAndWritesFiles() throws IOException {
        CgroupManager m = new CgroupManager(v2("cpu memory pids"), "/parent/c1", "c1");
        m.create();
        assertThat(m.created()).containsExactly(fs.resolve("parent/c1"));
        m.apply(ResourcesTest.resources("{\"memory\":{\"limit\":1048576},\"pids\":{\"limit\":10}}"), List.of());
        assertThat(Files.readString(fs.resolve("cgroup.subtree_control"))).isEqualTo("+memory +pids");
        assertThat(Files.readString(fs.resolve("parent/cgroup.subtree_control"))).isEqualTo("+memory +pids");
        assertThat(Files.readString(fs.resolve("parent/c1/memory.max"))).isEqualTo("1048576");
        assertThat(Files.readString(fs.resolve("parent/c1/pids.max"))).isEqualTo("10");
        assertThat(m.mountPlan().unified()).isTrue();
        assertThat(m.mountPlan().unifiedDir()).isEqualTo(fs.resolve("parent/c1").toString());
    }

    @Test
    void v2RefusesAControllerTheHostDoesNotHave() throws IOException {
        CgroupManager m = new CgroupManager(v2("hugetlb"), "/c1", "c1");
        m.create();
        assertThatThrownBy(() -> m.apply(ResourcesTest.resources("{\"memory\":{\"limit\":1}}"), List.of()))
                .hasMessageContaining("controller memory is not available");
        assertThatThrownBy(() -> m.apply(ResourcesTest.resources("{\"unified\":{\"io.max\":\"8:0 rbps=1\"}}"), List.of()))
                .hasMessageContaining("controller io");
    }

    @Test
    void createRecordsOnlyWhatItMadeAndRemoveTakesExactlyThat() throws IOException {
        CgroupManager m = new CgroupManager(v2("pids"), "/parent/a/b", "x");
        m.create();
        assertThat(m.created()).containsExactly(fs.resolve("parent/a"), fs.resolve("parent/a/b"));
        CgroupManager.remove(m.created().stream().map(Path::toString).toList(), System.nanoTime() + 1_000_000_000L);
        assertThat(fs.resolve("parent")).isDirectory();
        assertThat(fs.resolve("parent/a")).doesNotExist();
    }

    @Test
    void aCgroupWithProcessesIsRefused() throws IOException {
        CgroupLayout l = v2("pids");
        Files.createDirectories(fs.resolve("busy"));
        Files.writeString(fs.resolve("busy/cgroup.procs"), "123\n");
        assertThatThrownBy(() -> new CgroupManager(l, "/busy", "x").create()).hasMessageContaining("already has processes");
    }

    @Test
    void v1MissingControllerIsAnErrorNamingTheSetting() throws IOException {
        Files.createDirectories(fs.resolve("cpu"));
        CgroupLayout l = CgroupLayout.detect(MountInfo.parse("1 0 0:1 / " + fs.resolve("cpu") + " rw - cgroup cgroup rw,cpu\n"),
                "1:cpu:/\n");
        CgroupManager m = new CgroupManager(l, "/c1", "c1");
        m.create();
        assertThatThrownBy(() -> m.apply(ResourcesTest.resources("{\"hugepageLimits\":[{\"pageSize\":\"2MB\",\"limit\":1}]}"),
                List.of())).hasMessageContaining("hugetlb is not mounted").hasMessageContaining("hugepageLimits");
        m.apply(ResourcesTest.resources("{\"cpu\":{\"shares\":512}}"), List.of());
        assertThat(Files.readString(fs.resolve("cpu/c1/cpu.shares"))).isEqualTo("512");
    }
}
