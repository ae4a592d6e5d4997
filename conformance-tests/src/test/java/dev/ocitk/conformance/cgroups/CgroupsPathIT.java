package dev.ocitk.conformance.cgroups;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.CgroupMembership;
import dev.ocitk.conformance.linux.support.ContainerCgroup;
import dev.ocitk.conformance.linux.support.ProcFs;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * linux.cgroupsPath (config-linux.md#cgroups-path) and the removal of the container's cgroups at delete
 * (runtime.md#delete), observed in {@code /proc/<pid>/cgroup} of the container process. The paths are unique to
 * the test (they contain the container ID), so every directory the test may remove is one the runtime made for it.
 */
@Tag("cgroups")
class CgroupsPathIT {

    /** Hierarchies that need the container's cgroup: the config sets a memory and a pids limit and a device list. */
    private static final List<String> USED = List.of("memory", "pids", "devices");

    @ConformanceTest
    @Requirement("cgroups.path.absolute")
    void absolutePathIsTheContainersCgroupInEveryHierarchyItUses(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(Programs.waiting()).resources(r -> {
            r.putObject("memory").put("limit", 128L * 1024 * 1024);
            r.putObject("pids").put("limit", 512);
        }).build();
        String path = bundle.cgroupsPath().orElseThrow();
        List<CgroupMembership> callers = ProcFs.self().cgroups();

        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        ContainerCgroup cgroup = ContainerCgroup.of(container.pid());
        Programs.finish(container);

        for (String controller : USED) {
            if (cgroup.layout().v1(controller).isPresent() || cgroup.unified()) {
                assertThat(cgroup.path(controller)).as("%s cgroup of the container for cgroupsPath %s", controller, path)
                        .contains(path);
            }
        }
        // The runtime may put the container into more hierarchies than it needs, but wherever it put it (anywhere
        // but where the harness is) the path is the configured one.
        for (CgroupMembership m : cgroup.memberships()) {
            if (!callers.contains(m)) {
                assertThat(m.path()).as("cgroup of the container in hierarchy %s", m).isEqualTo(path);
            }
        }
    }

    @ConformanceTest
    @Requirement({"cgroups.path.relative-consistent", "runtime.delete.removes-resources"})
    void relativePathPutsTwoContainersInTheSamePlace(RuntimeUnderTest runtime) throws IOException {
        String relative = "ocitk-relative-" + runtime.newId();
        List<Path> made = new ArrayList<>();
        try {
            Map<Integer, String> first = placeOf(runtime, relative, made);
            Map<Integer, String> second = placeOf(runtime, relative, made);

            // Where a relative path goes is the runtime's choice (and so is the naming), only that it is the same.
            runtime.observe("cgroups.relative.place", first.toString());
            assertThat(second).as("cgroups of a second container with the same cgroupsPath").isEqualTo(first);
        } finally {
            removeIfLeft(made);
        }
    }

    /**
     * Runs a container with a relative cgroupsPath and returns its cgroup path per hierarchy ID (only hierarchies
     * where the runtime placed it, not where the harness is); checks that delete removed the directories named after
     * the path.
     */
    private static Map<Integer, String> placeOf(RuntimeUnderTest runtime, String relative, List<Path> made) {
        Bundle bundle = runtime.bundle().args(Programs.waiting()).edit(c -> c.withObjectProperty("linux")
                .put("cgroupsPath", relative)).build();
        List<CgroupMembership> callers = ProcFs.self().cgroups();
        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        ContainerCgroup cgroup = ContainerCgroup.of(container.pid());
        Map<Integer, String> place = new LinkedHashMap<>();
        List<Path> dirs = new ArrayList<>();
        for (CgroupMembership m : cgroup.memberships()) {
            if (!callers.contains(m)) {
                place.put(m.hierarchyId(), m.path());
                if (m.path().contains(relative)) {
                    dirs.addAll(new ContainerCgroup(cgroup.layout(), List.of(m)).allDirs());
                }
            }
        }
        made.addAll(dirs);
        Programs.finish(container);
        assertThat(dirs).as("cgroup directories of a deleted container").noneMatch(Files::exists);
        return place;
    }

    @ConformanceTest
    @Requirement("runtime.delete.removes-resources")
    void deleteRemovesTheContainersCgroupsInEveryHierarchy(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(Programs.waiting()).build();
        String path = bundle.cgroupsPath().orElseThrow();

        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        List<Path> dirs = ContainerCgroup.of(container.pid()).allDirs().stream()
                .filter(d -> d.toString().endsWith(path)).toList();
        Programs.finish(container);

        assertThat(dirs).as("cgroup directories of the running container").isNotEmpty();
        assertThat(dirs).as("cgroup directories of the container after delete").noneMatch(Files::exists);
    }

    /** Removes directories a failed test left: only ones named after this test's container, deepest first. */
    private static void removeIfLeft(List<Path> dirs) throws IOException {
        for (Path d : dirs.stream().sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList()) {
            if (d.toString().contains("ocitk-relative-") && Files.isDirectory(d)) {
                Files.deleteIfExists(d);
            }
        }
    }
}
