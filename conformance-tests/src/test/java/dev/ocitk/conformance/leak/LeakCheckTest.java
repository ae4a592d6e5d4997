package dev.ocitk.conformance.leak;

import dev.ocitk.conformance.host.CgroupHierarchies;
import dev.ocitk.conformance.host.MountTables;
import dev.ocitk.conformance.runtime.CommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The leak check against a fake cgroup tree and state root in a temp folder, and a real process it starts. */
class LeakCheckTest {

    @TempDir
    Path tmp;

    private LeakCheck leakCheck(Path stateRoot, Path... hierarchies) {
        return new LeakCheck(stateRoot, new MountTables(Optional.empty(), new CommandRunner(tmp.resolve("calls"))),
                new CgroupHierarchies(List.of(hierarchies), List.of()));
    }

    @Test
    void findsAndRemovesCgroupDirectoriesAndStateEntriesOfTrackedContainersOnly() throws Exception {
        Path memory = Files.createDirectories(tmp.resolve("memory"));
        Path pids = Files.createDirectories(tmp.resolve("pids"));
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(memory.resolve("ocitk-a/child"));
        Files.createDirectories(pids.resolve("ocitk-a"));
        Files.createDirectories(memory.resolve("someone-else"));
        Files.createDirectories(root.resolve("ocitk-a"));
        Files.writeString(root.resolve("ocitk-a/state.json"), "{}");
        Files.createDirectories(root.resolve("other-test"));
        ContainerTracker tracker = new ContainerTracker();
        tracker.trackId("ocitk-a");
        // The pids directory existed before the bundle was made: not ours to report or remove.
        tracker.trackBundle(new ContainerTracker.TrackedBundle(tmp.resolve("bundle"), Optional.of("/ocitk-a"),
                Set.of(pids.resolve("ocitk-a"))));
        LeakCheck check = leakCheck(root, memory, pids);

        assertThat(check.scanOnce(tracker)).containsExactlyInAnyOrder(
                new Leak(Leak.Kind.CGROUP, memory.resolve("ocitk-a").toString()),
                new Leak(Leak.Kind.STATE, root.resolve("ocitk-a").toString()));
        assertThat(check.clean(tracker)).isEmpty();

        assertThat(check.scanOnce(tracker)).isEmpty();
        assertThat(memory.resolve("ocitk-a")).doesNotExist();
        assertThat(pids.resolve("ocitk-a")).exists();
        assertThat(memory.resolve("someone-else")).exists();
        assertThat(root.resolve("other-test")).exists();
    }

    @Test
    void aTrackedProcessThatStillRunsIsALeakAndIsKilled() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            ContainerTracker tracker = new ContainerTracker();
            tracker.trackPid(sleep.pid());
            LeakCheck check = leakCheck(Files.createDirectories(tmp.resolve("root")));

            assertThat(check.scanOnce(tracker)).singleElement().satisfies(l -> {
                assertThat(l.kind()).isEqualTo(Leak.Kind.PROCESS);
                assertThat(l.what()).contains("pid " + sleep.pid()).contains("sleep");
            });
            assertThat(check.clean(tracker)).isEmpty();
            assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(check.scanOnce(tracker)).isEmpty();
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void aProcessThatExitedIsNoLeak() throws Exception {
        Process quick = new ProcessBuilder("true").start();
        ContainerTracker tracker = new ContainerTracker();
        tracker.trackPid(quick.pid());
        quick.waitFor(10, TimeUnit.SECONDS);

        assertThat(leakCheck(Files.createDirectories(tmp.resolve("root"))).scan(tracker)).isEmpty();
    }
}
