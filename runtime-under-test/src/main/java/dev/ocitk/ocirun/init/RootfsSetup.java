package dev.ocitk.ocirun.init;

import dev.ocitk.ocirun.Faults;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.cgroups.CgroupMountPlan;
import dev.ocitk.ocirun.linux.MountOptions;
import dev.ocitk.ocirun.linux.SecurePath;
import dev.ocitk.ocirun.linux.Syscalls;
import dev.ocitk.ocirun.spec.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.ocitk.ocirun.linux.MountOptions.MS_BIND;
import static dev.ocitk.ocirun.linux.MountOptions.MS_NODEV;
import static dev.ocitk.ocirun.linux.MountOptions.MS_NOEXEC;
import static dev.ocitk.ocirun.linux.MountOptions.MS_NOSUID;
import static dev.ocitk.ocirun.linux.MountOptions.MS_PRIVATE;
import static dev.ocitk.ocirun.linux.MountOptions.MS_RDONLY;
import static dev.ocitk.ocirun.linux.MountOptions.MS_REC;
import static dev.ocitk.ocirun.linux.MountOptions.MS_REMOUNT;
import static dev.ocitk.ocirun.linux.MountOptions.MS_SHARED;
import static dev.ocitk.ocirun.linux.MountOptions.MS_SLAVE;
import static dev.ocitk.ocirun.linux.MountOptions.MS_UNBINDABLE;
import static dev.ocitk.ocirun.spec.Nulls.list;

/**
 * The mount work of create, in the container's new mount namespace and before pivot_root:
 * cut propagation back to the host, make the rootfs a mount point, then mount every entry of
 * config.md#mounts in the listed order. Mount points are resolved inside the rootfs with
 * {@link SecurePath} and created when missing (a file for a bind mount of a file, else a directory).
 */
public final class RootfsSetup {
    private final Syscalls sys;
    private final Path rootfs;
    private final Path bundle;
    private final CgroupMountPlan cgroupPlan;
    private final boolean newCgroupNamespace;
    private final String fault;
    /** Where tmpcopyup may make its scratch directory: the container's state directory, removed by delete. */
    private Path scratchParent = Path.of("/tmp");
    /** /dev mounted read-only: mounted writable first so devices can be made, then remounted by {@link #finishDev}. */
    private Path readonlyDev;

    public RootfsSetup(Syscalls sys, Path rootfs, Path bundle, CgroupMountPlan cgroupPlan, boolean newCgroupNamespace,
                       String fault) {
        this.sys = sys;
        this.rootfs = rootfs;
        this.bundle = bundle;
        this.cgroupPlan = cgroupPlan;
        this.newCgroupNamespace = newCgroupNamespace;
        this.fault = fault;
    }

    public RootfsSetup scratchIn(Path dir) {
        this.scratchParent = dir;
        return this;
    }

    /**
     * Makes every mount in this namespace a slave of the host's (so nothing done here reaches the
     * host) and binds the rootfs onto itself so it can become the new root.
     */
    public void prepareRoot(String rootfsPropagation) {
        long flags = MS_SLAVE | MS_REC;
        if ("private".equals(rootfsPropagation) || "rprivate".equals(rootfsPropagation)) {
            flags = MS_PRIVATE | MS_REC;
        }
        sys.mount(null, "/", null, flags, null);
        sys.mount(rootfs.toString(), rootfs.toString(), "bind", MS_BIND | MS_REC, null);
    }

    public void mountAll(List<Spec.Mount> mounts) {
        for (int i = 0; i < mounts.size(); i++) {
            Spec.Mount m = mounts.get(i);
            try {
                mount(m);
            } catch (OcirunException e) {
                throw new OcirunException("mounts[" + i + "] " + m.destination() + ": " + e.getMessage());
            }
        }
    }

    void mount(Spec.Mount m) {
        String dest = m.destination().startsWith("/") ? m.destination() : "/" + m.destination();
        Path target = SecurePath.resolve(rootfs, dest);
        if (target.equals(rootfs)) {
            throw new OcirunException("cannot mount over the container's root");
        }
        MountOptions.Parsed o = MountOptions.parse(list(m.options()));
        long flags = o.flags();
        if (Faults.IGNORE_MOUNT_RO.activeIn(fault)) {
            flags &= ~MS_RDONLY;
        }
        if ("cgroup".equals(m.type()) || "cgroup2".equals(m.type()) && !o.isBind()) {
            mountCgroup(target, flags);
        } else if (o.isBind()) {
            Path source = Path.of(m.source() == null ? "" : m.source());
            if (!source.isAbsolute()) {
                source = bundle.resolve(source);
            }
            if (!Files.exists(source)) {
                throw new OcirunException("bind source " + source + " does not exist");
            }
            createMountPoint(target, Files.isDirectory(source));
            sys.mount(source.toString(), target.toString(), "bind", flags & (MS_BIND | MS_REC), null);
            long remount = flags & ~(MS_BIND | MS_REC | MS_REMOUNT);
            if (remount != 0) {
                sys.mount(null, target.toString(), null, MS_BIND | MS_REMOUNT | remount, null);
            }
        } else {
            boolean remounting = (flags & MS_REMOUNT) != 0;
            if (!remounting) {
                createMountPoint(target, true);
            }
            if (dest.equals("/dev") && (flags & MS_RDONLY) != 0) {
                readonlyDev = target;
                flags &= ~MS_RDONLY;
            }
            if (o.tmpcopyup() && "tmpfs".equals(m.type())) {
                tmpcopyup(m, target, flags, o.data());
            } else {
                sys.mount(m.source(), target.toString(), m.type(), flags, o.data().isEmpty() ? null : o.data());
            }
        }
        for (long p : o.propagation()) {
            sys.mount(null, target.toString(), null, p, null);
        }
        if (o.hasRecursiveAttrs()) {
            sys.mountSetattr(target.toString(), true, o.attrSet(), o.attrClr());
        }
    }

    /**
     * tmpcopyup (config.md#linux-mount-options): the tmpfs is mounted on a scratch directory first,
     * the destination's files are copied into it, then it is moved over the destination.
     */
    private void tmpcopyup(Spec.Mount m, Path target, long flags, String data) {
        Path scratch;
        try {
            // A host directory (under the state directory, so an interrupted create leaves nothing
            // elsewhere), but the tmpfs on it lives only in the container's mount namespace.
            scratch = Files.createTempDirectory(scratchParent, "copyup");
        } catch (IOException e) {
            throw new OcirunException("tmpcopyup: cannot make a scratch directory: " + e.getMessage());
        }
        try {
            sys.mount(m.source(), scratch.toString(), m.type(), flags & ~MS_RDONLY, data.isEmpty() ? null : data);
            copyTree(target, scratch);
            sys.mount(scratch.toString(), target.toString(), null, MountOptions.MS_MOVE, null);
            if ((flags & MS_RDONLY) != 0) {
                sys.mount(null, target.toString(), null, MS_REMOUNT | flags, data.isEmpty() ? null : data);
            }
        } finally {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException e) {
                // the move left an empty directory, which delete removes; a failure here is cosmetic
            }
        }
    }

    private static void copyTree(Path from, Path to) {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dst = to.resolve(from.relativize(p).toString());
                if (p.equals(from)) {
                    continue;
                }
                Files.copy(p, dst, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new OcirunException("tmpcopyup: cannot copy " + from + ": " + e.getMessage());
        }
    }

    /**
     * A cgroup mount (as runc does it): on v1 a tmpfs with one directory per hierarchy; on v2 the
     * unified tree. With a new cgroup namespace the hierarchies are mounted afresh (the kernel
     * roots them at the namespace); without one, the container's own cgroup is bind-mounted so
     * the rest of the host's tree stays out of sight.
     */
    private void mountCgroup(Path target, long flags) {
        createMountPoint(target, true);
        long perMount = flags & (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MountOptions.MS_RELATIME
                | MountOptions.MS_NOATIME | MountOptions.MS_STRICTATIME);
        if (cgroupPlan.unified()) {
            if (newCgroupNamespace) {
                sys.mount("cgroup2", target.toString(), "cgroup2", perMount, null);
            } else {
                bind(cgroupPlan.unifiedDir(), target, perMount);
            }
            return;
        }
        sys.mount("tmpfs", target.toString(), "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=755");
        List<String[]> links = new ArrayList<>();
        for (CgroupMountPlan.Hierarchy h : cgroupPlan.hierarchies()) {
            Path dir = target.resolve(h.name());
            createMountPoint(dir, true);
            if (newCgroupNamespace) {
                sys.mount("cgroup", dir.toString(), "cgroup", perMount, h.options());
            } else {
                bind(h.hostDir(), dir, perMount);
            }
            if (h.name().contains(",")) {
                for (String part : h.name().split(",")) {
                    links.add(new String[] {h.name(), target.resolve(part).toString()});
                }
            }
        }
        for (String[] l : links) {
            if (!SecurePath.existsNoFollow(Path.of(l[1]))) {
                sys.symlink(l[0], l[1]);
            }
        }
    }

    private void bind(String source, Path target, long flags) {
        sys.mount(source, target.toString(), "bind", MS_BIND | MS_REC, null);
        if (flags != 0) {
            sys.mount(null, target.toString(), null, MS_BIND | MS_REMOUNT | flags, null);
        }
    }

    /** Remounts a read-only /dev once its devices exist. */
    public void finishDev() {
        if (readonlyDev != null) {
            sys.mountSetattr(readonlyDev.toString(), false, MountOptions.MOUNT_ATTR_RDONLY, 0);
        }
    }

    /**
     * Applies linux.rootfsPropagation to the new root once it is "/" (config-linux.md#rootfs-mount-propagation):
     * shared makes it a new peer group, which still receives from the host because it stays a slave.
     */
    public static void applyRootPropagation(Syscalls sys, String propagation) {
        if (propagation == null || propagation.isEmpty()) {
            return;
        }
        long flag = switch (propagation) {
            case "shared" -> MS_SHARED;
            case "rshared" -> MS_SHARED | MS_REC;
            case "slave" -> MS_SLAVE;
            case "rslave" -> MS_SLAVE | MS_REC;
            case "private" -> MS_PRIVATE;
            case "rprivate" -> MS_PRIVATE | MS_REC;
            case "unbindable" -> MS_UNBINDABLE;
            case "runbindable" -> MS_UNBINDABLE | MS_REC;
            default -> throw new OcirunException("unknown rootfsPropagation " + propagation);
        };
        sys.mount(null, "/", null, flag, null);
    }

    static void createMountPoint(Path target, boolean directory) {
        try {
            if (directory) {
                if (!Files.isDirectory(target)) {
                    Files.createDirectories(target);
                }
            } else if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.createFile(target);
            }
        } catch (IOException e) {
            throw new OcirunException("cannot create mount point " + target + ": " + e.getMessage());
        }
    }
}
