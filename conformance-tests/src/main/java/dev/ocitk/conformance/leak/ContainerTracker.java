package dev.ocitk.conformance.leak;

import dev.ocitk.conformance.host.ProcessFacts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one test made the runtime create: container IDs, bundle directories, the cgroup paths their configs name
 * and every container PID the harness saw (from pid files and state). The leak check looks at exactly these,
 * so tests running in parallel (and other users of the host) never see each other's resources. Thread-safe.
 */
public final class ContainerTracker {

    /** A bundle with the cgroup path its config names and which of its directories already existed before it. */
    public record TrackedBundle(Path dir, Optional<String> cgroupsPath, Set<Path> preExistingCgroupDirs) {
    }

    private final Set<String> ids = new LinkedHashSet<>();
    private final Map<Path, TrackedBundle> bundles = new LinkedHashMap<>();
    private final Map<Long, ProcessFacts.Identity> pids = new LinkedHashMap<>();

    public synchronized void trackId(String id) {
        ids.add(id);
    }

    public synchronized void trackBundle(TrackedBundle bundle) {
        bundles.putIfAbsent(bundle.dir(), bundle);
    }

    /** Records a container PID with its start time; a PID that no longer exists is ignored. */
    public synchronized void trackPid(long pid) {
        if (pid > 0 && !pids.containsKey(pid)) {
            ProcessFacts.identify(pid).ifPresent(identity -> pids.put(pid, identity));
        }
    }

    public synchronized List<String> ids() {
        return new ArrayList<>(ids);
    }

    public synchronized List<TrackedBundle> bundles() {
        return new ArrayList<>(bundles.values());
    }

    public synchronized List<ProcessFacts.Identity> pids() {
        return new ArrayList<>(pids.values());
    }
}
