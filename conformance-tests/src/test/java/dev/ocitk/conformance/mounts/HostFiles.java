package dev.ocitk.conformance.mounts;

import dev.ocitk.conformance.bundle.Bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small file-system chores for mount tests: sources with markers, mount points in the bundle's rootfs. */
final class HostFiles {

    private HostFiles() {
    }

    /** Creates directory {@code dir} (mode 0777, so a non-root container user could write too) with file {@code marker}. */
    static Path dirWithMarker(Path dir, String marker) {
        try {
            Files.createDirectories(dir);
            Files.setAttribute(dir, "unix:mode", 0777);
            Files.writeString(dir.resolve("marker"), marker + "\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path dir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates directory {@code containerPath} in the bundle's rootfs, so a mount test does not rely on the runtime making it. */
    static void mountPoint(Bundle bundle, String containerPath) {
        try {
            Files.createDirectories(inRootfs(bundle, containerPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty file {@code containerPath} in the bundle's rootfs (a mount point for a file bind mount). */
    static void fileMountPoint(Bundle bundle, String containerPath) {
        file(inRootfs(bundle, containerPath), "");
    }

    /** The host path of {@code containerPath} in the bundle's rootfs. */
    static Path inRootfs(Bundle bundle, String containerPath) {
        return bundle.rootfs().resolve(containerPath.replaceFirst("^/+", ""));
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
