package dev.ocitk.conformance.linux.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The cgroup of one process as the kernel reports it ({@code /proc/<pid>/cgroup}) joined with the host's mounts:
 * where each controller's settings for it live, and their values. On a v1 or hybrid host the resource controllers
 * are v1 hierarchies (a hybrid host's v2 mount only carries controllers no v1 hierarchy has); on a v2-only host
 * every controller is in the one v2 directory, with v2 file names.
 */
public record ContainerCgroup(CgroupLayout layout, List<CgroupMembership> memberships) {

    public ContainerCgroup {
        memberships = List.copyOf(memberships);
    }

    public static ContainerCgroup of(long pid) {
        return new ContainerCgroup(CgroupLayout.host(), ProcFs.of(pid).cgroups());
    }

    /** True when controllers live in the v2 hierarchy (v2-only host). */
    public boolean unified() {
        return layout.mode() == CgroupLayout.Mode.V2;
    }

    /** The directory holding {@code controller}'s files for this process, empty when the host has no such controller. */
    public Optional<Path> dir(String controller) {
        if (unified()) {
            return layout.v2Controllers().contains(controller) ? layout.v2Dir(memberships) : Optional.empty();
        }
        return layout.v1Dir(memberships, controller);
    }

    /** Whether the host has {@code controller} where resources go (see the class comment). */
    public boolean has(String controller) {
        return dir(controller).isPresent();
    }

    /** The path of this process's cgroup in the hierarchy of {@code controller}, as {@code /proc/<pid>/cgroup} says. */
    public Optional<String> path(String controller) {
        if (unified()) return memberships.stream().filter(CgroupMembership::isUnified).findFirst().map(CgroupMembership::path);
        return memberships.stream().filter(m -> m.controllers().contains(controller)).findFirst().map(CgroupMembership::path);
    }

    /**
     * The content of a control file, trimmed: {@code v1File} on a v1/hybrid host, {@code v2File} on a v2-only one.
     * Empty when the controller or the file does not exist.
     */
    public Optional<String> read(String controller, String v1File, String v2File) {
        Optional<Path> dir = dir(controller);
        if (dir.isEmpty()) return Optional.empty();
        Path file = dir.get().resolve(unified() ? v2File : v1File);
        if (!Files.exists(file)) return Optional.empty();
        try {
            return Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every cgroup directory of the process in every mounted hierarchy. */
    public List<Path> allDirs() {
        return layout.allDirs(memberships);
    }
}
