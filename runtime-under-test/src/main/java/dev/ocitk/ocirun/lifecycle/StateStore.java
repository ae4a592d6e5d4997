package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.OcirunException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The container directories under {@code --root}: {@code <root>/<id>/} holds {@code state.json}
 * (replaced atomically by rename, so readers never lock and never see half a file), the exec
 * fifo, and a lock file that serialises the commands that change a container (start, delete).
 * Creating the directory is itself the claim on the id: mkdir fails if another create won.
 */
public final class StateStore {
    public static final String STATE_FILE = "state.json";
    public static final String EXEC_FIFO = "exec.fifo";
    private static final String LOCK_FILE = ".lock";

    private final Path root;

    public StateStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** runc's id rule: word characters, '+', '-' and '.', but not "." or "..". */
    public static void validateId(String id) {
        if (id == null || id.isEmpty()) {
            throw new OcirunException("container id cannot be empty");
        }
        if (id.length() > 1024 || !idCharsOnly(id) || id.equals(".") || id.equals("..")) {
            throw new OcirunException("invalid container id \"" + id + "\": use letters, digits, '_', '+', '-' and '.'");
        }
    }

    /** Whether every character is one runc allows in ids: a-z, A-Z, 0-9, '_', '+', '-', '.' (a loop: no regex on the hot verbs). */
    private static boolean idCharsOnly(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '+' || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public Path dir(String id) {
        validateId(id);
        return root.resolve(id);
    }

    public Path fifo(String id) {
        return dir(id).resolve(EXEC_FIFO);
    }

    /** Claims {@code id}: creates its directory, failing if it exists. */
    public Path create(String id) {
        Path d = dir(id);
        try {
            Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createDirectory(d, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        } catch (FileAlreadyExistsException e) {
            throw new OcirunException("container \"" + id + "\" already exists");
        } catch (IOException e) {
            throw new OcirunException("cannot create state directory " + d + ": " + e.getMessage());
        }
        return d;
    }

    public boolean exists(String id) {
        return Files.isDirectory(dir(id));
    }

    /** Loads a container's state; an unknown id is the error runtime.md#query-state asks for. */
    public ContainerState load(String id) {
        Path d = dir(id);
        try {
            return StateCodec.decode(Files.readAllBytes(d.resolve(STATE_FILE)));
        } catch (NoSuchFileException e) {
            if (Files.isDirectory(d)) {
                throw new OcirunException("container \"" + id + "\" is still being created");
            }
            throw new OcirunException("container \"" + id + "\" does not exist");
        } catch (IOException e) {
            throw new OcirunException("cannot read state of \"" + id + "\": " + e.getMessage());
        }
    }

    /** Writes state.json through a temporary file and an atomic rename. */
    public void save(ContainerState s) {
        Path d = dir(s.id());
        Path tmp = d.resolve(STATE_FILE + ".tmp");
        try {
            Files.write(tmp, StateCodec.encode(s));
            try {
                Files.move(tmp, d.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new OcirunException("state directory " + d + " does not support atomic rename");
            }
        } catch (IOException e) {
            throw new OcirunException("cannot write state of \"" + s.id() + "\": " + e.getMessage());
        }
    }

    /** A held container lock; closing it releases the lock. */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the container's exclusive lock, waiting for a concurrent start or delete to finish. */
    public Lock lock(String id) {
        Path lockFile = dir(id).resolve(LOCK_FILE);
        try {
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new HeldLock(ch, ch.lock());
        } catch (NoSuchFileException e) {
            throw new OcirunException("container \"" + id + "\" does not exist");
        } catch (IOException e) {
            throw new OcirunException("cannot lock container \"" + id + "\": " + e.getMessage());
        }
    }

    /** A class rather than a lambda: the hot verbs take the lock, and a lambda costs a JVM its method-handle set-up. */
    private static final class HeldLock implements Lock {
        private final FileChannel channel;
        private final FileLock held;

        HeldLock(FileChannel channel, FileLock held) {
            this.channel = channel;
            this.held = held;
        }

        @Override
        public void close() {
            try {
                held.release();
                channel.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }

    /** Ids of every container directory under the root, sorted. */
    public List<String> list() {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return ids;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path p : ds) {
                ids.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            throw new OcirunException("cannot list " + root + ": " + e.getMessage());
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    /** Removes the container directory and everything in it. */
    public void remove(String id) {
        Path d = dir(id);
        try {
            deleteTree(d);
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new OcirunException("cannot remove state directory " + d + ": " + e.getMessage());
        }
    }

    /** Deletes {@code p} and, if it is a directory (not a link to one), everything below it first. */
    private static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path c : ds) {
                    children.add(c);
                }
            }
            for (Path c : children) {
                deleteTree(c);
            }
        }
        Files.deleteIfExists(p);
    }
}
