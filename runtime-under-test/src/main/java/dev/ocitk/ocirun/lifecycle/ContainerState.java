package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.spec.Spec;

import java.util.List;
import java.util.Map;

/**
 * What ocirun keeps in {@code <root>/<id>/state.json}: the spec's state fields plus what later
 * commands need without re-reading config.json (runtime.md#create: edits to the config after
 * create must not reach the container), such as the hooks of start and delete and the cgroup
 * directories create made.
 *
 * @param pid               host pid of the container process, 0 before it exists
 * @param pidStartTime      its start time from /proc/PID/stat, so a reused pid is not taken for it
 * @param status            the last status a command recorded; {@link Container#status()} derives the live one
 * @param created           creation time, RFC 3339
 * @param hasProcess        whether config.json had a process (start must fail without one)
 * @param cgroupDirs        the container's cgroup directory in every hierarchy it joined
 * @param createdCgroupDirs the directories create made, parents first; delete removes exactly these
 */
public record ContainerState(
        String id,
        String bundle,
        String rootfs,
        int pid,
        long pidStartTime,
        ContainerStatus status,
        String created,
        Map<String, String> annotations,
        boolean hasProcess,
        List<String> cgroupDirs,
        List<String> createdCgroupDirs,
        List<Spec.Hook> poststart,
        List<Spec.Hook> poststop) {

    public ContainerState withStatus(ContainerStatus s) {
        return new ContainerState(id, bundle, rootfs, pid, pidStartTime, s, created, annotations, hasProcess,
                cgroupDirs, createdCgroupDirs, poststart, poststop);
    }

    public ContainerState withPid(int newPid, long startTime) {
        return new ContainerState(id, bundle, rootfs, newPid, startTime, status, created, annotations, hasProcess,
                cgroupDirs, createdCgroupDirs, poststart, poststop);
    }
}
