package dev.ocitk.conformance.leak;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.host.CgroupHierarchies;
import dev.ocitk.conformance.host.MountTables;
import dev.ocitk.conformance.host.ProcessFacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and removes what a test's containers left behind (see {@link ContainerTracker} for the scope): live
 * processes, mounts under the bundle, entries in the private {@code --root}, and the cgroup directories named by
 * the bundle's flat {@code cgroupsPath} in every mounted hierarchy. Cgroup directories that existed before the
 * bundle was made are never reported or touched.
 */
public final class LeakCheck {

    /** How long a leak may take to disappear on its own (a process being reaped) before it counts. */
    public static final Duration SETTLE = Duration.ofSeconds(3);

    private final Path stateRoot;
    private final MountTables mounts;
    private final CgroupHierarchies cgroups;

    public LeakCheck(Path stateRoot, MountTables mounts, CgroupHierarchies cgroups) {
        this.stateRoot = stateRoot;
        this.mounts = mounts;
        this.cgroups = cgroups;
    }

    /** Leaks that persist for {@link #SETTLE}; empty when the host is clean of this test's resources. */
    public List<Leak> scan(ContainerTracker tracker) {
        List<Leak> found = new ArrayList<>();
        Await.within(SETTLE, () -> {
            found.clear();
            found.addAll(scanOnce(tracker));
            return found.isEmpty();
        });
        return found;
    }

    List<Leak> scanOnce(ContainerTracker tracker) {
        Set<Leak> leaks = new LinkedHashSet<>();
        for (ProcessFacts.Identity p : tracker.pids()) {
            if (p.isAlive()) leaks.add(new Leak(Leak.Kind.PROCESS, describe(p.pid())));
        }
        for (ContainerTracker.TrackedBundle b : tracker.bundles()) {
            for (Path dir : cgroupDirs(b)) {
                if (Files.isDirectory(dir)) {
                    leaks.add(Leak.of(Leak.Kind.CGROUP, dir));
                    for (long pid : procsIn(dir)) leaks.add(new Leak(Leak.Kind.PROCESS, describe(pid)));
                }
            }
            mounts.mountsUnder(b.dir()).forEach(m -> leaks.add(new Leak(Leak.Kind.MOUNT, m.toString())));
        }
        for (String id : tracker.ids()) {
            Path entry = stateRoot.resolve(id);
            if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) leaks.add(Leak.of(Leak.Kind.STATE, entry));
        }
        return new ArrayList<>(leaks);
    }

    /**
     * Removes leaks: kills the recorded container processes and those in the test's cgroups, unmounts under its
     * bundles, removes its cgroup directories and state entries.
     *
     * @return problems that remain (the host is then not clean), each on one line
     */
    public List<String> clean(ContainerTracker tracker) {
        List<String> problems = new ArrayList<>();
        Set<Long> victims = new LinkedHashSet<>();
        tracker.pids().stream().filter(ProcessFacts.Identity::isAlive).forEach(p -> victims.add(p.pid()));
        for (ContainerTracker.TrackedBundle b : tracker.bundles()) {
            for (Path dir : cgroupDirs(b)) victims.addAll(procsIn(dir));
        }
        victims.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        if (!Await.within(Await.DEFAULT_TIMEOUT, () -> victims.stream().allMatch(pid -> ProcessFacts.stat(pid)
                .map(s -> s.state() == 'Z').orElse(true)))) {
            problems.add("processes survived SIGKILL: " + victims);
        }
        for (ContainerTracker.TrackedBundle b : tracker.bundles()) {
            problems.addAll(mounts.unmountAll(mounts.mountsUnder(b.dir())));
            for (Path dir : cgroupDirs(b)) {
                if (Files.isDirectory(dir) && !Await.within(Await.DEFAULT_TIMEOUT, () -> removeCgroup(dir))) {
                    problems.add("cannot remove cgroup " + dir);
                }
            }
        }
        for (String id : tracker.ids()) {
            Path entry = stateRoot.resolve(id);
            if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    deleteTree(entry);
                } catch (IOException e) {
                    problems.add("cannot remove state entry " + entry + ": " + e.getMessage());
                }
            }
        }
        return problems;
    }

    private List<Path> cgroupDirs(ContainerTracker.TrackedBundle b) {
        if (b.cgroupsPath().isEmpty()) return List.of();
        return cgroups.directoriesFor(b.cgroupsPath().get()).stream()
                .filter(d -> !b.preExistingCgroupDirs().contains(d)).toList();
    }

    /** Removes a cgroup directory made for the test, child cgroups first; cgroupfs removes the control files. */
    private static boolean removeCgroup(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> subdirs = walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
            for (Path d : subdirs) Files.deleteIfExists(d);
            return !Files.exists(dir);
        } catch (IOException busy) {
            return false;
        }
    }

    private static List<Long> procsIn(Path cgroupDir) {
        Path procs = cgroupDir.resolve("cgroup.procs");
        try {
            return Files.readAllLines(procs).stream().map(String::trim).filter(s -> !s.isEmpty())
                    .map(Long::parseLong).toList();
        } catch (IOException | NumberFormatException gone) {
            return List.of();
        }
    }

    private static String describe(long pid) {
        return ProcessFacts.stat(pid).map(s -> "pid " + pid + " (" + s.comm() + ", state " + s.state() + ")")
                .orElse("pid " + pid);
    }

    /** Deletes a directory tree without following symlinks (state entries hold no mounts). */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
