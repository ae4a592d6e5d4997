package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.spec.LinuxSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the calling thread into the container's namespaces before it spawns the init process
 * (config-linux.md#namespaces): namespaces given by path are joined with setns, the rest are
 * created with unshare. This works per thread, so it must run on a thread of its own (see
 * {@link Spawner#onFreshThread}). The cgroup namespace is left to the init process, which must
 * enter its cgroups before creating it so the namespace is rooted at the container's cgroup.
 */
public final class Namespaces {
    private static final long NS_GET_NSTYPE = 0xb703;
    private static final int CLONE_FS = 0x200;

    private Namespaces() {}

    /** Checks that every namespace path opens and is of its declared type (the error config-linux.md#namespaces requires). */
    public static Map<NamespaceType, Integer> openPaths(List<LinuxSpec.Namespace> namespaces) {
        Map<NamespaceType, Integer> fds = new EnumMap<>(NamespaceType.class);
        try {
            for (LinuxSpec.Namespace ns : namespaces) {
                if (ns.path() == null || ns.path().isEmpty()) {
                    continue;
                }
                NamespaceType type = NamespaceType.parse(ns.type()).orElseThrow();
                int fd;
                try {
                    fd = LibC.open(ns.path(), Sys.O_RDONLY | Sys.O_CLOEXEC, 0);
                } catch (LastErrorException e) {
                    throw new OcirunException("cannot open " + ns.type() + " namespace " + ns.path() + ": "
                            + Sys.errnoText(e.getErrorCode()));
                }
                fds.put(type, fd);
                int actual;
                try {
                    actual = LibC.ioctl(fd, NS_GET_NSTYPE, 0L);
                } catch (LastErrorException e) {
                    throw new OcirunException(ns.path() + " is not a namespace file (linux.namespaces " + ns.type() + ")");
                }
                if (actual != type.cloneFlag()) {
                    String found = NamespaceType.ofCloneFlag(actual).map(NamespaceType::specName).orElse("unknown");
                    throw new OcirunException(ns.path() + " is a " + found + " namespace, not " + ns.type()
                            + " (config-linux.md#namespaces)");
                }
            }
            return fds;
        } catch (RuntimeException e) {
            fds.values().forEach(Sys::closeQuietly);
            throw e;
        }
    }

    /**
     * On the spawning thread, once it is in the container's new mount namespace: makes the JVM's own
     * installation read-only there before the init is executed from it. The init runs in the
     * container's pid namespace while created, so a process there could otherwise reach the host's
     * java binary through /proc/PID/exe and write it (the CVE-2019-5736 class; runc 1.1 bind-mounts
     * itself read-only the same way). Nothing changes on the host: the namespace is first made a slave.
     */
    public static void protectRuntimeFiles(String javaHome) {
        try {
            LibCFs.mount(null, "/", null, MountOptions.MS_SLAVE | MountOptions.MS_REC, null);
            LibCFs.mount(javaHome, javaHome, null, MountOptions.MS_BIND | MountOptions.MS_REC, null);
        } catch (LastErrorException e) {
            throw new OcirunException("cannot protect the runtime's files (" + javaHome + "): "
                    + Sys.errnoText(e.getErrorCode()));
        }
        Sys.mountSetattr(Sys.AT_FDCWD, javaHome, Sys.AT_RECURSIVE, MountOptions.MOUNT_ATTR_RDONLY, 0, 0);
    }

    /**
     * On the current (fresh) thread: joins the opened namespaces, mount last since it changes how
     * paths resolve, then unshares the new ones except cgroup, and writes time offsets.
     */
    public static void enter(Map<NamespaceType, Integer> joined, List<LinuxSpec.Namespace> namespaces,
                             Map<String, LinuxSpec.TimeOffset> timeOffsets) {
        try {
            LibCProc.unshare(CLONE_FS);
        } catch (LastErrorException e) {
            throw Sys.fail("unshare(CLONE_FS)", e);
        }
        for (NamespaceType t : NamespaceType.values()) {
            Integer fd = joined.get(t);
            if (fd == null) {
                continue;
            }
            try {
                LibCProc.setns(fd, t.cloneFlag());
            } catch (LastErrorException e) {
                throw new OcirunException("cannot join " + t.specName() + " namespace: " + Sys.errnoText(e.getErrorCode()));
            }
        }
        int flags = 0;
        for (LinuxSpec.Namespace ns : namespaces) {
            NamespaceType t = NamespaceType.parse(ns.type()).orElseThrow();
            if ((ns.path() == null || ns.path().isEmpty()) && t != NamespaceType.CGROUP) {
                flags |= t.cloneFlag();
            }
        }
        if (flags != 0) {
            try {
                LibCProc.unshare(flags);
            } catch (LastErrorException e) {
                throw new OcirunException("cannot create namespaces: unshare: " + Sys.errnoText(e.getErrorCode()));
            }
        }
        if ((flags & NamespaceType.TIME.cloneFlag()) != 0 && timeOffsets != null && !timeOffsets.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            timeOffsets.forEach((clock, off) -> sb.append(clock).append(' ').append(off.secs()).append(' ')
                    .append(off.nanosecs()).append('\n'));
            Path file = Path.of("/proc/" + Sys.gettid() + "/timens_offsets");
            try {
                Files.writeString(file, sb.toString());
            } catch (IOException e) {
                throw new OcirunException("cannot set linux.timeOffsets: " + e.getMessage());
            }
        }
    }
}
