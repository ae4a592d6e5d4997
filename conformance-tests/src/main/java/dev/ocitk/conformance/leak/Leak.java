package dev.ocitk.conformance.leak;

import java.nio.file.Path;

/**
 * Something a test's containers left on the host after they were deleted.
 *
 * @param kind  what sort of resource
 * @param what  the process, mount point, state entry or cgroup directory
 */
public record Leak(Kind kind, String what) {

    public enum Kind {
        PROCESS("live process"),
        MOUNT("mount under the bundle"),
        STATE("entry in the runtime's --root"),
        CGROUP("cgroup directory");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static Leak of(Kind kind, Path path) {
        return new Leak(kind, path.toString());
    }

    @Override
    public String toString() {
        return kind.label() + ": " + what;
    }
}
