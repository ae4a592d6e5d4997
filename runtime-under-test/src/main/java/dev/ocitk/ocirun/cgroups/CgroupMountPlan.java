package dev.ocitk.ocirun.cgroups;

import java.util.List;

/**
 * What the init needs to mount a {@code cgroup} entry of config.json: on v1 a tmpfs holding one
 * directory per hierarchy, on v2 the unified tree. Without a cgroup namespace each directory is a
 * bind mount of the container's own cgroup; with one, the hierarchy is mounted afresh and the
 * kernel roots it at the namespace's cgroup.
 *
 * @param unified     true on a v2 host
 * @param hierarchies v1 hierarchies (empty on v2)
 * @param unifiedDir  the container's v2 cgroup directory on the host (v2 only)
 */
public record CgroupMountPlan(boolean unified, List<Hierarchy> hierarchies, String unifiedDir) {

    /**
     * @param name     directory name under the mount, e.g. "cpu" or "systemd"
     * @param options  mount data selecting the hierarchy, e.g. "cpu" or "none,name=systemd"
     * @param hostDir  the container's cgroup directory in this hierarchy on the host
     */
    public record Hierarchy(String name, String options, String hostDir) {}
}
