package dev.ocitk.conformance.mounts;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.host.Mountinfo;
import dev.ocitk.conformance.runtime.CommandResult;

import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static dev.ocitk.conformance.mounts.MountTypesIT.bind;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A destination is a path inside the container (config.md#mounts): a symlink in the rootfs that points to a host
 * directory must not make the mount land on that host directory. Refusing the mount with an error and mounting
 * inside the rootfs are both fine; the test checks the host side (the host's and the runtime's mount tables and
 * the target's contents) while the container exists.
 */
@Tag("mounts")
class MountEscapeIT {

    @ConformanceTest
    @Requirement("mounts.destination.inside-container")
    void symlinkDestinationDoesNotPlaceTheMountOnTheHost(RuntimeUnderTest runtime) throws IOException {
        Path target = HostFiles.dir(runtime.scratchDir().resolve("escape-target"));
        Path source = HostFiles.dirWithMarker(runtime.scratchDir().resolve("escape-source"), "escaped");
        Bundle bundle = runtime.bundle()
                .mount(bind(source.toString(), "/mnt/link", "bind"))
                .args(sh("ls -A /mnt/link > /ocitk/out/list; " + InContainer.SAVE_MOUNTINFO))
                .build();
        HostFiles.mountPoint(bundle, "/mnt");
        Files.createSymbolicLink(HostFiles.inRootfs(bundle, "/mnt/link"), target);
        try {
            CommandResult create = runtime.tryCreate(bundle);
            if (create.succeeded()) {
                Container container = runtime.container(bundle.containerId(), bundle);
                container.start();
                container.awaitStatus("stopped");
                runtime.observe("symlink-destination", "mounted; the container lists " + bundle.out("list")
                        .map(String::strip).orElse("nothing") + " at /mnt/link");
            } else {
                runtime.observe("symlink-destination", "refused: " + create.stderr().strip());
            }

            assertThat(mountsAt(target)).as("mounts on the host target %s of the symlink /mnt/link", target).isEmpty();
            try (Stream<Path> entries = Files.list(target)) {
                assertThat(entries.map(p -> p.getFileName().toString()).toList())
                        .as("what the host target %s of the symlink shows", target).isEmpty();
            }
        } finally {
            // An escaped mount is this test's doing through the runtime: remove it from both tables.
            List<String> escaped = mountsAt(target);
            if (!escaped.isEmpty()) {
                runtime.observe("escape-cleanup", String.join("; ", escaped));
                for (int i = 0; i < escaped.size(); i++) {
                    quietly(() -> RuntimeSide.runOnHost("umount", "-l", target.toString()));
                    quietly(() -> RuntimeSide.run("umount", "-l", target.toString()));
                }
            }
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (IllegalStateException notMountedThere) {
            // the mount was only in the other table
        }
    }

    /** Mounts at {@code dir} in the host's and in the runtime's mount table, described. */
    private static List<String> mountsAt(Path dir) {
        List<String> out = new ArrayList<>();
        Mountinfo.self().stream().filter(m -> m.mountPoint().equals(dir))
                .forEach(m -> out.add("host: " + m.fsType() + " from " + m.source() + " " + m.root()));
        if (RuntimeSide.namespaceFile().isPresent()) {
            MountInfo.parse(RuntimeSide.mountinfo()).allAt(dir.toString())
                    .forEach(l -> out.add("runtime namespace: " + l));
        }
        return out;
    }
}
