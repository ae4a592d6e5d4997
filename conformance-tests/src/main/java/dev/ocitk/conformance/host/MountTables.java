package dev.ocitk.conformance.host;

import dev.ocitk.conformance.runtime.CommandResult;
import dev.ocitk.conformance.runtime.CommandRunner;
import dev.ocitk.conformance.runtime.Stdio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The mount tables a runtime can change: the host's, and that of the mount namespace a wrapper runs the runtime in
 * ({@code runtime.mountNamespace}, entered with {@code nsenter}). Also unmounts leftovers in either.
 */
public final class MountTables {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Optional<Path> runtimeNamespace;
    private final CommandRunner runner;

    public MountTables(Optional<Path> runtimeNamespace, CommandRunner runner) {
        this.runtimeNamespace = runtimeNamespace;
        this.runner = runner;
    }

    /** A mount found in one of the tables; {@code namespace} is empty for the host's. */
    public record Located(MountEntry mount, Optional<Path> namespace) {
        @Override
        public String toString() {
            return mount.mountPoint() + " (" + mount.fsType() + " from " + mount.source() + ")"
                    + namespace.map(ns -> " in mount namespace " + ns).orElse("");
        }
    }

    /** Every mount at or below {@code dir}, host table first. */
    public List<Located> mountsUnder(Path dir) {
        List<Located> out = new ArrayList<>();
        Mountinfo.self().stream().filter(m -> m.isUnder(dir)).forEach(m -> out.add(new Located(m, Optional.empty())));
        runtimeNamespace.ifPresent(ns -> readNamespace(ns).stream().filter(m -> m.isUnder(dir))
                .forEach(m -> out.add(new Located(m, Optional.of(ns)))));
        return out;
    }

    /** Lazily unmounts each mount, deepest first; returns the ones that could not be unmounted, with the reason. */
    public List<String> unmountAll(List<Located> mounts) {
        List<String> failures = new ArrayList<>();
        mounts.stream()
                .sorted(Comparator.comparingInt((Located l) -> l.mount().mountPoint().getNameCount()).reversed())
                .forEach(l -> {
                    List<String> cmd = new ArrayList<>();
                    l.namespace().ifPresent(ns -> cmd.addAll(List.of("nsenter", "--mount=" + ns)));
                    cmd.addAll(List.of("umount", "-l", l.mount().mountPoint().toString()));
                    CommandResult r = runner.run(cmd, CALL_TIMEOUT, Stdio.captured());
                    if (!r.succeeded() && !r.stderr().contains("not mounted")) {
                        failures.add(l + ": " + r.describe());
                    }
                });
        return failures;
    }

    private List<MountEntry> readNamespace(Path ns) {
        CommandResult r = runner.run(List.of("nsenter", "--mount=" + ns, "cat", "/proc/self/mountinfo"),
                CALL_TIMEOUT, Stdio.captured());
        if (!r.succeeded()) {
            throw new IllegalStateException("cannot read the mount table of runtime.mountNamespace " + ns + ":\n" + r.describe());
        }
        return Mountinfo.parse(r.stdout());
    }
}
