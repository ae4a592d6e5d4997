package dev.ocitk.conformance.host;

import java.nio.file.Path;
import java.util.List;

/**
 * The cgroup file systems mounted on this host: every v1 hierarchy (one per mount point, e.g. {@code cpu},
 * {@code memory}, {@code name=systemd}) and the v2 mount, if any. The harness only looks into them and removes
 * directories named after its own containers; it never writes to or removes cgroups it did not make.
 */
public record CgroupHierarchies(List<Path> v1MountPoints, List<Path> v2MountPoints) {

    public CgroupHierarchies {
        v1MountPoints = List.copyOf(v1MountPoints);
        v2MountPoints = List.copyOf(v2MountPoints);
    }

    public static CgroupHierarchies of(List<MountEntry> mounts) {
        return new CgroupHierarchies(
                mounts.stream().filter(m -> m.fsType().equals("cgroup")).map(MountEntry::mountPoint).distinct().toList(),
                mounts.stream().filter(m -> m.fsType().equals("cgroup2")).map(MountEntry::mountPoint).distinct().toList());
    }

    /** Every mount point, v1 first. */
    public List<Path> all() {
        return java.util.stream.Stream.concat(v1MountPoints.stream(), v2MountPoints.stream()).toList();
    }

    /** The directory {@code cgroupsPath} (absolute, as in config.json) would be in each hierarchy. */
    public List<Path> directoriesFor(String cgroupsPath) {
        String relative = cgroupsPath.replaceFirst("^/+", "");
        return all().stream().map(m -> m.resolve(relative)).toList();
    }

    /** True when only a v2 hierarchy is mounted (the unified layout). */
    public boolean unifiedOnly() {
        return v1MountPoints.isEmpty() && !v2MountPoints.isEmpty();
    }
}
