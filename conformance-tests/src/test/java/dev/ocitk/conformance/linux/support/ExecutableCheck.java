package dev.ocitk.conformance.linux.support;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a process inside a container executes, seen from the host through {@code /proc/<pid>/exe}, and whether a
 * process in the container could use that link to change the file (the CVE-2019-5736 class: a runtime binary
 * executed inside the container's pid namespace, reopened for writing through {@code /proc/<pid>/exe} once it is
 * no longer busy).
 *
 * <p>The executable is harmless when it is the container's own file (in the bundle's rootfs), or when writing it
 * cannot reach a host file: a private copy with no links left ({@code nlink} 0, e.g. an O_TMPFILE or deleted
 * copy), a memfd sealed against writing, or a file reached through a read-only mount (runc 1.1 bind-mounts itself
 * read-only). Nothing here ever opens the file for writing.
 */
public record ExecutableCheck(long pid, String link, boolean inRootfs, long links, boolean readOnlyMount, int seals) {

    /** True when a process in the container could reopen this executable for writing and change a host file. */
    public boolean exposesAWritableHostFile() {
        return !inRootfs && links > 0 && !readOnlyMount
                && (seals & (Libc.F_SEAL_WRITE | Libc.F_SEAL_FUTURE_WRITE)) == 0;
    }

    /** The check of a live process; empty when the process exited meanwhile (short-lived children come and go). */
    public static Optional<ExecutableCheck> of(long pid, Path rootfs) {
        Path exe = Path.of("/proc/" + pid + "/exe");
        try {
            String link = Files.readSymbolicLink(exe).toString();
            Object key = Files.readAttributes(exe, BasicFileAttributes.class).fileKey();
            long nlink = ((Number) Files.getAttribute(exe, "unix:nlink")).longValue();
            ExecutableCheck check = new ExecutableCheck(pid, link, inTree(rootfs, key), nlink, readOnlyMount(exe), seals(exe));
            return ProcFs.of(pid).isAlive() ? Optional.of(check) : Optional.empty();
        } catch (IOException | IllegalStateException e) {
            if (!ProcFs.of(pid).isAlive()) return Optional.empty();
            throw new IllegalStateException("cannot inspect " + exe + ": " + e.getMessage(), e);
        }
    }

    private static boolean inTree(Path rootfs, Object key) throws IOException {
        try (Stream<Path> walk = Files.walk(rootfs)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).anyMatch(p -> {
                try {
                    return Objects.equals(Files.readAttributes(p, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS).fileKey(), key);
                } catch (IOException gone) {
                    return false;
                }
            });
        }
    }

    /** statvfs(2) follows the magic link to the executable's own mount, also a detached one. */
    private static boolean readOnlyMount(Path exe) {
        Memory buf = new Memory(Libc.STATVFS_SIZE);
        buf.clear();
        try {
            Libc.INSTANCE.statvfs(exe.toString(), buf);
        } catch (LastErrorException e) {
            throw new IllegalStateException("statvfs " + exe + ": " + e.getMessage(), e);
        }
        return (buf.getLong(Libc.STATVFS_F_FLAG_OFFSET) & Libc.ST_RDONLY) != 0;
    }

    /** memfd seals of the executable, 0 for files that cannot carry seals. */
    private static int seals(Path exe) {
        int fd;
        try {
            fd = Libc.INSTANCE.open(exe.toString(), Libc.O_RDONLY | Libc.O_CLOEXEC);
        } catch (LastErrorException e) {
            return 0;
        }
        try {
            return Libc.INSTANCE.fcntl(fd, Libc.F_GET_SEALS, 0);
        } catch (LastErrorException notAMemfd) {
            return 0;
        } finally {
            Libc.INSTANCE.close(fd);
        }
    }

    /** Every process in the pid namespace of {@code pid} (including it), by scanning the host's /proc. */
    public static List<Long> processesInPidNamespaceOf(long pid) {
        String ns = ProcFs.of(pid).namespace("pid");
        List<Long> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (ns.equals(Files.readSymbolicLink(p.resolve("ns/pid")).toString())) {
                        out.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException goneOrKernelThread) {
                    // exited meanwhile, or a kernel thread without namespaces
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public String toString() {
        return "pid " + pid + " executes " + link + " (in rootfs: " + inRootfs + ", links: " + links
                + ", read-only mount: " + readOnlyMount + ", seals: 0x" + Integer.toHexString(seals) + ")";
    }
}
