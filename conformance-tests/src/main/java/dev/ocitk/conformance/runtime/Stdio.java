package dev.ocitk.conformance.runtime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a runtime call's standard streams go. A runtime that creates a detached container passes its own stdio to
 * the container process, so for {@code create} these are also the container's streams. Pipes are never used: a
 * container holding the write end of a pipe would keep a reader blocked until it exits.
 *
 * @param stdin  file or fifo to read, empty for {@code /dev/null}
 * @param stdout file or fifo to write (appended to), empty for a capture file the harness owns
 * @param stderr file or fifo to write (appended to), empty for a capture file the harness owns
 */
public record Stdio(Optional<Path> stdin, Optional<Path> stdout, Optional<Path> stderr) {

    public static Stdio captured() {
        return new Stdio(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Stdio toFiles(Path stdout, Path stderr) {
        return new Stdio(Optional.empty(), Optional.of(stdout), Optional.of(stderr));
    }

    public Stdio withStdin(Path in) {
        return new Stdio(Optional.of(in), stdout, stderr);
    }
}
