package dev.ocitk.validator.internal.bundle;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A bundle directory on disk (bundle.md), for the rules that check files: the root filesystem, executables and
 * hook paths, bind-mount sources.
 *
 * @param directory the bundle directory, as a real path
 * @param rootfs    the root filesystem, when {@code root.path} names an existing directory
 */
public record BundleFiles(Path directory, Optional<Rootfs> rootfs) {

    /** A host path from the config: absolute, or relative to the bundle directory (config.md#root, #mounts). */
    public Optional<Path> hostPath(String path) {
        try {
            return Optional.of(directory.resolve(path));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
