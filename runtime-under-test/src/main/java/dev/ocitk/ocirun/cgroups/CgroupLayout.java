package dev.ocitk.ocirun.cgroups;

import dev.ocitk.ocirun.linux.MountInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How cgroups are mounted on this host, read from mountinfo and /proc/self/cgroup: pure v1, v2
 * unified at /sys/fs/cgroup, or hybrid (v1 controllers plus a controller-less v2 tree, as on
 * systemd hosts in "hybrid" mode). Only the first mount of each hierarchy counts.
 */
public record CgroupLayout(Mode mode, List<Hierarchy> v1, Hierarchy unified) {

    public enum Mode { V1, HYBRID, V2 }

    /**
     * One mounted hierarchy.
     *
     * @param mountPoint  where it is mounted
     * @param mountRoot   the cgroup that mount shows as its root (not "/" inside a container)
     * @param controllers v1 controllers (and "name=..." for named hierarchies); empty for v2
     * @param ownPath     this process's cgroup in the hierarchy, from /proc/self/cgroup
     */
    public record Hierarchy(Path mountPoint, String mountRoot, Set<String> controllers, String ownPath) {

        /** A relative cgroupsPath sits under this process's own cgroup, as runc does. */
        public Path resolve(String cgroupsPath) {
            String rel;
            if (cgroupsPath.startsWith("/")) {
                rel = cgroupsPath;
            } else {
                String own = ownPath;
                if (!"/".equals(mountRoot) && own.startsWith(mountRoot)) {
                    own = own.substring(mountRoot.length());
                }
                rel = own + "/" + cgroupsPath;
            }
            Path p = mountPoint;
            for (String part : rel.split("/")) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    throw new dev.ocitk.ocirun.OcirunException("cgroupsPath \"" + cgroupsPath + "\" must not contain \"..\"");
                }
                p = p.resolve(part);
            }
            return p;
        }

        /** The name of the directory under /sys/fs/cgroup, e.g. "cpu,cpuacct" or "systemd". */
        public String dirName() {
            return mountPoint.getFileName().toString();
        }
    }

    public static CgroupLayout detect() {
        String self;
        try {
            self = java.nio.file.Files.readString(Path.of("/proc/self/cgroup"));
        } catch (java.io.IOException e) {
            throw new dev.ocitk.ocirun.OcirunException("cannot read /proc/self/cgroup: " + e.getMessage());
        }
        return detect(MountInfo.readSelf(), self);
    }

    public static CgroupLayout detect(List<MountInfo> mounts, String procSelfCgroup) {
        Map<String, String> ownByControllers = new HashMap<>();
        String ownV2 = "/";
        for (String line : procSelfCgroup.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length != 3) {
                continue;
            }
            if (f[0].equals("0") && f[1].isEmpty()) {
                ownV2 = f[2];
            } else {
                ownByControllers.put(f[1], f[2]);
            }
        }
        List<Hierarchy> v1 = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        Hierarchy unified = null;
        for (MountInfo m : mounts) {
            if (m.fsType().equals("cgroup")) {
                Set<String> ctrls = new LinkedHashSet<>();
                for (String o : m.superOptionList()) {
                    if (!o.equals("rw") && !o.equals("ro") && !o.startsWith("release_agent=") && !o.equals("clone_children")
                            && !o.equals("xattr") && !o.equals("noprefix") && !o.equals("cpuset_v2_mode")
                            && !o.equals("favordynmods") && !o.equals("none")) {
                        ctrls.add(o);
                    }
                }
                String key = String.join(",", ctrls);
                if (ctrls.isEmpty() || !seen.add(key)) {
                    continue;
                }
                String own = ownByControllers.getOrDefault(key, "/");
                v1.add(new Hierarchy(Path.of(m.mountPoint()), m.root(), Set.copyOf(ctrls), own));
            } else if (m.fsType().equals("cgroup2") && unified == null) {
                unified = new Hierarchy(Path.of(m.mountPoint()), m.root(), Set.of(), ownV2);
            }
        }
        Mode mode = v1.isEmpty() ? Mode.V2 : unified == null ? Mode.V1 : Mode.HYBRID;
        if (mode == Mode.V2 && unified == null) {
            throw new dev.ocitk.ocirun.OcirunException("no cgroup file system is mounted");
        }
        return new CgroupLayout(mode, List.copyOf(v1), unified);
    }

    /** The v1 hierarchy that holds {@code controller}, if mounted. */
    public Optional<Hierarchy> v1Hierarchy(String controller) {
        for (Hierarchy h : v1) {
            if (h.controllers().contains(controller)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
