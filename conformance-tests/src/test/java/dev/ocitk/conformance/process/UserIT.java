package dev.ocitk.conformance.process;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.LaunchEnvironment;
import dev.ocitk.conformance.linux.support.ProcFs;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Tag;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * process.user (config.md#posix-platform-user): IDs, supplementary groups and umask of the container process, read
 * from its {@code /proc/<pid>/status}.
 */
@Tag("process")
class UserIT {

    @ConformanceTest
    @Requirement({"process.user.ids", "process.user.additional-gids"})
    void programRunsAsTheConfiguredUserAndGroups(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().user(1234, 2345, 5, 6, 4242).args(Programs.waiting()).build();

        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        Map<String, String> status = ProcFs.of(container.pid()).status();
        Programs.finish(container);

        assertThat(ProcFs.numbers(status.get("Uid"))).as("real, effective, saved and fs uid").containsExactly(1234L, 1234L, 1234L, 1234L);
        assertThat(ProcFs.numbers(status.get("Gid"))).as("real, effective, saved and fs gid").containsExactly(2345L, 2345L, 2345L, 2345L);
        List<Long> groups = ProcFs.numbers(status.get("Groups"));
        runtime.observe("user.groups", groups.toString());
        assertThat(groups).as("supplementary groups").contains(5L, 6L, 4242L);
    }

    @ConformanceTest
    @Requirement("process.user.umask")
    void configuredUmaskIsTheProgramsUmask(RuntimeUnderTest runtime) {
        // The runtime is started with umask 0077, so a program showing 0027 got it from the config, not its caller.
        Bundle bundle = runtime.bundle().args(Programs.waiting())
                .edit(c -> c.withObjectProperty("process").withObjectProperty("user").put("umask", 0027)).build();

        assertThat(umaskOfProgram(runtime, bundle, 0077)).isEqualTo("0027");
    }

    @ConformanceTest
    @Requirement("process.user.umask-unchanged")
    void withoutUmaskTheProgramKeepsTheCallersUmask(RuntimeUnderTest runtime) {
        // 0077 rather than the usual 0022, so that a runtime which sets a fixed default umask is told apart.
        Bundle bundle = runtime.bundle().args(Programs.waiting()).build();

        assertThat(umaskOfProgram(runtime, bundle, 0077)).as("umask of the program; the runtime was started with 0077")
                .isEqualTo("0077");
    }

    private static String umaskOfProgram(RuntimeUnderTest runtime, Bundle bundle, int callerUmask) {
        Container container = Programs.startAndAwaitRunning(new LaunchEnvironment().umask(callerUmask).create(runtime, bundle));
        String umask = ProcFs.of(container.pid()).status("Umask");
        Programs.finish(container);
        return umask;
    }
}
