package dev.ocitk.conformance.security;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.LaunchEnvironment;
import dev.ocitk.conformance.linux.support.ProcFs;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open file descriptors of the container process (runtime-linux.md#file-descriptors). The runtime is started with
 * an extra inheritable descriptor of the harness's (fd 7, a file named for the purpose), as a careless caller or a
 * runtime's own internal descriptor would be (CVE-2024-21626 leaked runc's cgroup directory this way). The
 * descriptors are listed from the host in {@code /proc/<pid>/fd} of a waiting program, and from inside by a
 * program that lists its own.
 */
@Tag("security")
class FileDescriptorsIT {

    private static final int HELD_FD = 7;

    private static Path heldFile(RuntimeUnderTest runtime) throws IOException {
        return Files.writeString(runtime.scratchDir().resolve("harness-private-file"), "not for the container\n");
    }

    /**
     * The descriptors the container process got, listed from inside: the program is {@code ls -l /proc/self/fd}
     * itself, without a shell (which keeps descriptors of its own for redirections); the one descriptor ls opens
     * to read the directory, which points at that directory, is left out.
     */
    private static Set<Integer> listedInside(RuntimeUnderTest runtime, LaunchEnvironment launch) {
        Bundle bundle = runtime.bundle().args("/bin/ls", "-l", "/proc/self/fd").build();
        Container container = launch.create(runtime, bundle);
        container.start();
        container.awaitStatus("stopped");
        container.delete();
        Set<Integer> fds = new TreeSet<>();
        for (String line : bundle.stdout().lines().toList()) {
            Matcher m = LS_LINE.matcher(line);
            if (m.find() && !m.group(2).matches("/proc/\\d+/fd")) fds.add(Integer.parseInt(m.group(1)));
        }
        assertThat(fds).as("listing of ls -l /proc/self/fd inside the container:%n%s", bundle.stdout()).contains(1);
        return fds;
    }

    private static final Pattern LS_LINE = Pattern.compile(" (\\d+) -> (.*)$");

    @ConformanceTest
    @Requirement("security.fds.only-stdio")
    void onlyStdioIsOpenInTheContainerProcess(RuntimeUnderTest runtime) throws IOException {
        Bundle bundle = runtime.bundle().args(Programs.waiting()).build();
        LaunchEnvironment launch = new LaunchEnvironment().openFile(HELD_FD, heldFile(runtime));

        Container container = Programs.startAndAwaitRunning(launch.create(runtime, bundle));
        Map<Integer, String> fromHost = ProcFs.of(container.pid()).fds();
        Programs.finish(container);
        Set<Integer> inside = listedInside(runtime, launch);

        assertThat(fromHost).as("descriptors of the container process, seen from the host").containsOnlyKeys(0, 1, 2);
        assertThat(inside).as("descriptors of the container process, listed inside").containsExactly(0, 1, 2);
    }

    @ConformanceTest
    @Requirement({"security.fds.only-stdio", "security.fds.socket-activation-only"})
    void withSocketActivationOnlyTheListenFdsAreAdded(RuntimeUnderTest runtime) throws IOException {
        // LISTEN_FDS=1 with LISTEN_PID naming the runtime's process offers fd 3 for socket activation; fd 7 is not
        // part of it and must still stay out.
        Path held = heldFile(runtime);
        Path socketStandIn = Files.writeString(runtime.scratchDir().resolve("listen-fd-3"), "activation\n");
        Bundle bundle = runtime.bundle().args(Programs.waiting()).build();
        LaunchEnvironment launch = new LaunchEnvironment().openFile(3, socketStandIn).openFile(HELD_FD, held)
                .socketActivation(1);

        Container container = Programs.startAndAwaitRunning(launch.create(runtime, bundle));
        Map<Integer, String> fromHost = ProcFs.of(container.pid()).fds();
        Programs.finish(container);
        Set<Integer> inside = listedInside(runtime, launch);

        runtime.observe("fds.listen", fromHost.toString());
        assertThat(fromHost.keySet()).as("descriptors of the container process, seen from the host: %s", fromHost)
                .containsAll(Set.of(0, 1, 2)).isSubsetOf(0, 1, 2, 3);
        assertThat(inside).as("descriptors listed inside").containsAll(Set.of(0, 1, 2)).isSubsetOf(0, 1, 2, 3);
    }
}
