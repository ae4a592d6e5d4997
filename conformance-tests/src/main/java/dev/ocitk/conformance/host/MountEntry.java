package dev.ocitk.conformance.host;

import java.nio.file.Path;

/** One line of {@code /proc/<pid>/mountinfo} (proc(5)), with octal escapes decoded. */
public record MountEntry(int id, int parentId, Path mountPoint, String root, String options, String fsType,
                         String source, String superOptions) {

    /** True when the mount point is {@code dir} or lies below it. */
    public boolean isUnder(Path dir) {
        return mountPoint.startsWith(dir);
    }
}
