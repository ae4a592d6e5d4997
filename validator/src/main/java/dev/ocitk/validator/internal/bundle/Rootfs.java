package dev.ocitk.validator.internal.bundle;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A container root filesystem seen from the host, with path resolution as the container would see it.
 *
 * <p>Paths are resolved one component at a time without letting the host follow any symlink: a link's target is
 * re-read relative to the rootfs (an absolute target starts again at the rootfs root), {@code ..} never climbs above
 * the root, and at most {@link #MAX_SYMLINKS} links are followed, as the kernel does, so a link loop ends as a
 * {@link Status#LOOP} result instead of a hang, and no link can lead outside the rootfs.
 */
public final class Rootfs {

    /** The kernel's limit on links followed in one lookup (MAXSYMLINKS). */
    public static final int MAX_SYMLINKS = 40;

    private static final Set<PosixFilePermission> EXECUTE = Set.of(
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path root;

    /** @param root the rootfs directory on the host (links above it are the kernel's to follow) */
    public Rootfs(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public enum Status {
        /** The path exists; {@link Resolution#attributes} describe the file. */
        FOUND,
        /** Some component does not exist (or is not a directory while more components follow). */
        MISSING,
        /** More than {@link #MAX_SYMLINKS} links: a loop, or a chain too long for the kernel. */
        LOOP,
        /** The host refused to tell (permissions, I/O error); {@link Resolution#detail} says why. */
        UNREADABLE
    }

    /**
     * @param status     the outcome
     * @param hostPath   where the file is on the host (FOUND only)
     * @param attributes the file's attributes (FOUND only)
     * @param detail     for MISSING, the container path that does not exist; for UNREADABLE, the cause
     */
    public record Resolution(Status status, Path hostPath, PosixFileAttributes attributes, String detail) {
        public boolean isRegularFile() {
            return status == Status.FOUND && attributes.isRegularFile();
        }

        public boolean isDirectory() {
            return status == Status.FOUND && attributes.isDirectory();
        }

        /** A regular file with at least one execute bit (what execve needs from a root caller). */
        public boolean isExecutableFile() {
            if (!isRegularFile()) {
                return false;
            }
            for (PosixFilePermission p : attributes.permissions()) {
                if (EXECUTE.contains(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Resolves {@code containerPath} (absolute, or relative to the container's {@code /}). */
    public Resolution resolve(String containerPath) {
        Deque<String> todo = new ArrayDeque<>(components(containerPath));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.pollFirst();
            if (name.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.remove(resolved.size() - 1);
                }
                continue;
            }
            Path candidate;
            PosixFileAttributes attrs;
            try {
                candidate = hostPath(resolved).resolve(name);
                attrs = Files.readAttributes(candidate, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException | InvalidPathException e) {
                return missing(resolved, name);
            } catch (FileSystemException e) {
                // ENOTDIR and friends: the prefix is not a directory, so the path cannot exist.
                if (e.getReason() != null && e.getReason().contains("Not a directory")) {
                    return missing(resolved, name);
                }
                return new Resolution(Status.UNREADABLE, null, null, e.getReason() == null ? e.toString() : e.getReason());
            } catch (IOException e) {
                return new Resolution(Status.UNREADABLE, null, null, e.toString());
            }
            if (attrs.isSymbolicLink()) {
                if (++links > MAX_SYMLINKS) {
                    return new Resolution(Status.LOOP, null, null, containerPath);
                }
                String target;
                try {
                    target = Files.readSymbolicLink(candidate).toString();
                } catch (IOException e) {
                    return new Resolution(Status.UNREADABLE, null, null, e.toString());
                }
                if (target.startsWith("/")) {
                    resolved.clear();
                }
                List<String> parts = components(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    todo.addFirst(parts.get(i));
                }
                continue;
            }
            if (!todo.isEmpty() && !attrs.isDirectory()) {
                return missing(resolved, name);
            }
            resolved.add(name);
            if (todo.isEmpty()) {
                return new Resolution(Status.FOUND, hostPath(resolved), attrs, null);
            }
        }
        // The path ended on a directory already resolved: the root ("/", "/.."), or where a link to "/" or "." led.
        try {
            PosixFileAttributes attrs = Files.readAttributes(hostPath(resolved), PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return new Resolution(Status.FOUND, hostPath(resolved), attrs, null);
        } catch (IOException e) {
            return new Resolution(Status.UNREADABLE, null, null, e.toString());
        }
    }

    private Resolution missing(List<String> resolved, String name) {
        return new Resolution(Status.MISSING, null, null, "/" + String.join("/", resolved)
                + (resolved.isEmpty() ? "" : "/") + name);
    }

    private Path hostPath(List<String> resolved) {
        Path p = root;
        for (String c : resolved) {
            p = p.resolve(c);
        }
        return p;
    }

    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty() && !c.equals(".")) {
                out.add(c);
            }
        }
        return out;
    }
}
