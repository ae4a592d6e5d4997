package dev.ocitk.conformance.junit;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.host.MountTables;
import dev.ocitk.conformance.leak.ContainerTracker;
import dev.ocitk.conformance.runtime.CommandResult;
import dev.ocitk.conformance.runtime.RuntimeClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Removing what a test made, through the runtime first and by hand only for what the runtime leaves. */
final class ContainerCleanup {

    private ContainerCleanup() {
    }

    /**
     * Removes every tracked container that still exists: {@code delete --force}, and if the runtime lacks or
     * fails that, {@code kill KILL}, wait for {@code stopped}, {@code delete}.
     */
    static void removeContainers(RuntimeClient client, ContainerTracker tracker) {
        for (String id : tracker.ids()) {
            if (!client.state(id).succeeded()) continue;
            if (client.delete(id, true).succeeded() && !client.state(id).succeeded()) continue;
            client.kill(id, Optional.of("KILL"));
            Await.within(Await.DEFAULT_TIMEOUT, () -> {
                CommandResult s = client.state(id);
                return !s.succeeded() || s.stdout().contains("\"stopped\"");
            });
            client.delete(id, false);
        }
    }

    /**
     * Deletes a directory tree the harness made, unless something is mounted below it (deleting through a bind
     * mount would destroy host files).
     *
     * @return why the directory was kept, or empty when it is gone
     */
    static Optional<String> removeDirectory(MountTables mounts, Path dir) {
        if (!Files.exists(dir)) return Optional.empty();
        List<MountTables.Located> below = mounts.mountsUnder(dir);
        if (!below.isEmpty()) {
            return Optional.of("kept " + dir + " because mounts remain below it: " + below);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot remove " + dir + ": " + e);
        }
    }
}
