package dev.ocitk.ocirun.init;

import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.linux.SecurePath;
import dev.ocitk.ocirun.linux.Sys;
import dev.ocitk.ocirun.linux.Syscalls;
import dev.ocitk.ocirun.spec.LinuxSpec;
import dev.ocitk.ocirun.spec.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import static dev.ocitk.ocirun.spec.Nulls.list;

/**
 * /dev of a new container, before pivot_root: the default devices of config-linux.md#default-devices
 * (unless /dev is bind-mounted from elsewhere, which brings its own), /dev/ptmx as a link into the
 * container's devpts, the devices of {@code linux.devices} (config-linux.md#devices), and the four
 * /dev symlinks of runtime-linux.md#dev-symbolic-links when their targets exist.
 */
public final class DevSetup {
    /** A device node to create. */
    record Node(String path, int type, long major, long minor, int mode, int uid, int gid) {}

    static final List<Node> DEFAULTS = List.of(
            new Node("/dev/null", Sys.S_IFCHR, 1, 3, 0666, 0, 0),
            new Node("/dev/zero", Sys.S_IFCHR, 1, 5, 0666, 0, 0),
            new Node("/dev/full", Sys.S_IFCHR, 1, 7, 0666, 0, 0),
            new Node("/dev/random", Sys.S_IFCHR, 1, 8, 0666, 0, 0),
            new Node("/dev/urandom", Sys.S_IFCHR, 1, 9, 0666, 0, 0),
            new Node("/dev/tty", Sys.S_IFCHR, 5, 0, 0666, 0, 0));

    static final List<String[]> SYMLINKS = List.of(
            new String[] {"/proc/self/fd", "/dev/fd"},
            new String[] {"/proc/self/fd/0", "/dev/stdin"},
            new String[] {"/proc/self/fd/1", "/dev/stdout"},
            new String[] {"/proc/self/fd/2", "/dev/stderr"});

    private final Syscalls sys;
    private final Path rootfs;

    public DevSetup(Syscalls sys, Path rootfs) {
        this.sys = sys;
        this.rootfs = rootfs;
    }

    /** Whether config.json bind-mounts /dev, in which case the runtime leaves its content alone (as runc does). */
    static boolean devIsBindMounted(List<Spec.Mount> mounts) {
        for (Spec.Mount m : mounts) {
            String d = m.destination() == null ? "" : m.destination();
            int end = d.length();
            while (end > 1 && d.charAt(end - 1) == '/') {
                end--; // no regex: the init runs this interpreted, on create's critical path
            }
            d = d.substring(0, end);
            if (d.equals("/dev") || d.equals("dev")) {
                for (String o : list(m.options())) {
                    if (o.equals("bind") || o.equals("rbind")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public void setUp(List<Spec.Mount> mounts, List<LinuxSpec.Device> devices) {
        boolean ownDev = !devIsBindMounted(mounts);
        if (ownDev) {
            for (Node n : DEFAULTS) {
                create(n, false);
            }
            Path ptmx = SecurePath.resolve(rootfs, "/dev/ptmx");
            if (Files.isDirectory(SecurePath.resolve(rootfs, "/dev/pts"))) {
                try {
                    Files.deleteIfExists(ptmx);
                } catch (IOException e) {
                    throw new OcirunException("cannot replace /dev/ptmx: " + e.getMessage());
                }
                sys.symlink("pts/ptmx", ptmx.toString());
            }
        }
        for (LinuxSpec.Device d : devices) {
            create(toNode(d), true);
        }
        for (String[] link : SYMLINKS) {
            Path linkPath = rootfs.resolve(link[1].substring(1));
            // The source (e.g. /proc/self/fd/1) is itself a link, to wherever stdout goes on the host:
            // it exists if its name does, so only its directory is resolved.
            String source = link[0];
            Path sourceDir = SecurePath.resolve(rootfs, source.substring(0, source.lastIndexOf('/')));
            Path sourcePath = sourceDir.resolve(source.substring(source.lastIndexOf('/') + 1));
            if (SecurePath.existsNoFollow(sourcePath) && !SecurePath.existsNoFollow(linkPath)
                    && Files.isDirectory(linkPath.getParent())) {
                sys.symlink(link[0], linkPath.toString());
            }
        }
    }

    static Node toNode(LinuxSpec.Device d) {
        int type = switch (d.type()) {
            case "b" -> Sys.S_IFBLK;
            case "p" -> Sys.S_IFIFO;
            default -> Sys.S_IFCHR; // "c" and "u" (unbuffered character device)
        };
        int mode = d.fileMode() == null ? 0666 : (int) (d.fileMode() & 07777);
        return new Node(d.path(), type, d.major() == null ? 0 : d.major(), d.minor() == null ? 0 : d.minor(), mode,
                d.uid() == null ? 0 : d.uid().intValue(), d.gid() == null ? 0 : d.gid().intValue());
    }

    /** glibc's makedev. */
    static long makedev(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8) | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }

    private void create(Node n, boolean configured) {
        Path p = SecurePath.resolve(rootfs, n.path());
        long dev = n.type() == Sys.S_IFIFO ? 0 : makedev(n.major(), n.minor());
        if (SecurePath.existsNoFollow(p)) {
            if (!matches(p, n.type(), dev)) {
                if (configured) {
                    // config-linux.md#devices: an existing file that is not the requested device is an error.
                    throw new OcirunException("linux.devices " + n.path() + ": a file that is not the requested device exists there");
                }
                return;
            }
        } else {
            try {
                Files.createDirectories(p.getParent());
            } catch (IOException e) {
                throw new OcirunException("cannot create " + p.getParent() + ": " + e.getMessage());
            }
            sys.mknod(p.toString(), n.type() | n.mode(), dev);
        }
        sys.lchown(p.toString(), n.uid(), n.gid());
        sys.chmod(p.toString(), n.mode()); // mknod applied the umask
    }

    private static boolean matches(Path p, int type, long dev) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if ((mode & 0170000) != type) {
                return false;
            }
            return type == Sys.S_IFIFO || (Long) Files.getAttribute(p, "unix:rdev", LinkOption.NOFOLLOW_LINKS) == dev;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
