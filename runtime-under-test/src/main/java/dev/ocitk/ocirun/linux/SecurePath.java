package dev.ocitk.ocirun.linux;

import dev.ocitk.ocirun.OcirunException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves a container path against the root file system as if {@code root} were "/": symbolic
 * links are followed, but absolute targets and ".." never leave the root. Mount destinations go
 * through here, so a symlink in an image cannot make ocirun mount over a host path.
 */
public final class SecurePath {
    private static final int MAX_LINKS = 255;

    private SecurePath() {}

    public static Path resolve(Path root, String containerPath) {
        Deque<String> todo = new ArrayDeque<>();
        push(todo, containerPath);
        Deque<String> done = new ArrayDeque<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.pollFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                done.pollLast();
                continue;
            }
            Path candidate = join(root, done).resolve(part);
            if (Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new OcirunException("too many symbolic links resolving " + containerPath + " in " + root);
                }
                String target;
                try {
                    target = Files.readSymbolicLink(candidate).toString();
                } catch (IOException e) {
                    throw new OcirunException("cannot read link " + candidate + ": " + e.getMessage());
                }
                if (target.startsWith("/")) {
                    done.clear();
                }
                push(todo, target);
                continue;
            }
            done.addLast(part);
        }
        return join(root, done);
    }

    /** Pushes the parts of {@code path} to the front of {@code todo}, keeping their order. */
    private static void push(Deque<String> todo, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            todo.addFirst(parts[i]);
        }
    }

    private static Path join(Path root, Deque<String> parts) {
        Path p = root;
        for (String s : parts) {
            p = p.resolve(s);
        }
        return p;
    }

    /** Whether {@code p} exists without following a final symlink. */
    public static boolean existsNoFollow(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}
