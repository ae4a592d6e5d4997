package dev.ocitk.conformance.linux.support;

import dev.ocitk.conformance.host.MountEntry;
import dev.ocitk.conformance.host.Mountinfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How cgroups are mounted on this host, from a mount table: v1 hierarchies by controller, the v2 (unified) mount,
 * and which of the three layouts that makes (cgroups(7)). Resolves the directory a process's cgroup is in for a
 * controller, from {@code /proc/<pid>/cgroup}.
 */
public final class CgroupLayout {

    public enum Mode {
        /** Only v1 hierarchies. */
        V1,
        /** Only the v2 hierarchy (unified layout). */
        V2,
        /** v1 hierarchies for the controllers plus a v2 mount (typically at /sys/fs/cgroup/unified). */
        HYBRID,
        /** No cgroup file system mounted. */
        NONE
    }

    /** Super options of a v1 cgroup mount that are not controller names. */
    private static final java.util.Set<String> V1_FLAGS = java.util.Set.of("rw", "ro", "xattr", "noprefix",
            "clone_children", "cpuset_v2_mode", "all", "none", "favordynmods");

    private final Map<String, Path> v1ByController;
    private final Optional<Path> v2;

    private CgroupLayout(Map<String, Path> v1ByController, Optional<Path> v2) {
        this.v1ByController = v1ByController;
        this.v2 = v2;
    }

    /** The layout the harness JVM sees (the host's). */
    public static CgroupLayout host() {
        return of(Mountinfo.self());
    }

    public static CgroupLayout of(List<MountEntry> mounts) {
        Map<String, Path> v1 = new LinkedHashMap<>();
        Optional<Path> v2 = Optional.empty();
        for (MountEntry m : mounts) {
            if (m.fsType().equals("cgroup")) {
                // Super options name the controllers of a v1 hierarchy: "rw,cpu,cpuacct" or "rw,name=systemd".
                for (String opt : m.superOptions().split(",")) {
                    if (opt.startsWith("name=") || !opt.contains("=") && !V1_FLAGS.contains(opt)) {
                        v1.putIfAbsent(opt, m.mountPoint());
                    }
                }
            } else if (m.fsType().equals("cgroup2") && v2.isEmpty()) {
                v2 = Optional.of(m.mountPoint());
            }
        }
        return new CgroupLayout(Map.copyOf(v1), v2);
    }

    public Mode mode() {
        if (v1ByController.isEmpty()) return v2.isPresent() ? Mode.V2 : Mode.NONE;
        return v2.isPresent() ? Mode.HYBRID : Mode.V1;
    }

    /** Mount point of the v1 hierarchy with this controller (e.g. {@code memory}, {@code name=systemd}). */
    public Optional<Path> v1(String controller) {
        return Optional.ofNullable(v1ByController.get(controller));
    }

    public Optional<Path> v2() {
        return v2;
    }

    /** Controllers the v2 hierarchy offers its cgroups (its root's {@code cgroup.controllers}); empty without v2. */
    public List<String> v2Controllers() {
        if (v2.isEmpty()) return List.of();
        try {
            String text = java.nio.file.Files.readString(v2.get().resolve("cgroup.controllers")).trim();
            return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /**
     * The directory of the cgroup {@code memberships} put the process in for a v1 controller: the hierarchy's mount
     * point joined with the path of the line naming that controller.
     */
    public Optional<Path> v1Dir(List<CgroupMembership> memberships, String controller) {
        Optional<Path> mount = v1(controller);
        if (mount.isEmpty()) return Optional.empty();
        return memberships.stream().filter(m -> m.controllers().contains(controller)).findFirst()
                .map(m -> join(mount.get(), m.path()));
    }

    /** The directory of the process's v2 cgroup, when a v2 hierarchy is mounted. */
    public Optional<Path> v2Dir(List<CgroupMembership> memberships) {
        if (v2.isEmpty()) return Optional.empty();
        return memberships.stream().filter(CgroupMembership::isUnified).findFirst().map(m -> join(v2.get(), m.path()));
    }

    /** Every cgroup directory of the process, v1 hierarchies first. */
    public List<Path> allDirs(List<CgroupMembership> memberships) {
        List<Path> out = new ArrayList<>();
        for (CgroupMembership m : memberships) {
            if (m.isUnified()) {
                v2.ifPresent(root -> out.add(join(root, m.path())));
            } else {
                m.controllers().stream().map(v1ByController::get).filter(java.util.Objects::nonNull).findFirst()
                        .ifPresent(root -> out.add(join(root, m.path())));
            }
        }
        return out;
    }

    private static Path join(Path mount, String cgroupPath) {
        String rel = cgroupPath.replaceFirst("^/+", "");
        return rel.isEmpty() ? mount : mount.resolve(rel);
    }

    @Override
    public String toString() {
        return mode() + " v1=" + v1ByController + " v2=" + v2.map(Path::toString).orElse("none");
    }
}
