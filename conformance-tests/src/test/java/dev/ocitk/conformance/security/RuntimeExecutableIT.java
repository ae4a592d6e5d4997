package dev.ocitk.conformance.security;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.ExecutableCheck;
import dev.ocitk.conformance.linux.support.ProcFs;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Tag;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CVE-2019-5736 class: a process inside the container reaches the runtime's binary through
 * {@code /proc/<pid>/exe} of a runtime process that runs in the container's pid namespace, keeps a handle on it and
 * reopens it for writing once the runtime has moved on, replacing the binary on the host.
 *
 * <p>The sound check does not try the attack (writing would damage the host if it worked; opening for writing
 * fails with ETXTBSY while the binary runs anyway). It asks the precondition instead, from the host, for every
 * process in the container's pid namespace: what file does its {@code exe} link lead to, and could a writer reach a
 * host file through it? The container's own programs are fine; so is a runtime that runs inside the container from
 * a sealed memfd, an unlinked copy or a read-only mount (see {@link ExecutableCheck}). The check is made in both
 * phases where the runtime is near the container: while {@code created} (the container process is the runtime's
 * init, waiting for start) and while the program runs.
 */
@Tag("security")
class RuntimeExecutableIT {

    @ConformanceTest
    @Requirement("security.runtime-binary.not-writable")
    void noProcessInTheContainerExecutesAWritableHostFile(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(Programs.waiting()).build();
        String hostPidNs = ProcFs.self().namespace("pid");

        Container container = runtime.create(bundle);
        long init = container.pid();
        boolean ownPidNs = !ProcFs.of(init).namespace("pid").equals(hostPidNs);
        List<ExecutableCheck> created = checks(init, ownPidNs, bundle);
        Programs.startAndAwaitRunning(container);
        List<ExecutableCheck> running = checks(init, ownPidNs, bundle);
        Programs.finish(container);

        runtime.observe("exe.created", created.toString());
        assertThat(created).as("executables of the processes in the created container").isNotEmpty()
                .noneMatch(ExecutableCheck::exposesAWritableHostFile);
        assertThat(running).as("executables of the processes in the running container").isNotEmpty()
                .noneMatch(ExecutableCheck::exposesAWritableHostFile);
    }

    private static List<ExecutableCheck> checks(long init, boolean ownPidNs, Bundle bundle) {
        List<Long> pids = ownPidNs ? ExecutableCheck.processesInPidNamespaceOf(init) : List.of(init);
        return pids.stream().map(p -> ExecutableCheck.of(p, bundle.rootfs())).flatMap(Optional::stream).toList();
    }
}
