package dev.ocitk.conformance.process;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.ProcFs;
import dev.ocitk.conformance.linux.support.Programs;
import dev.ocitk.conformance.runtime.CommandResult;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What program the runtime runs and how: args, environment and working directory (config.md#process). Each is read
 * from the host in {@code /proc/<pid>} of the container process while the program waits, so the check sees exactly
 * what the kernel got from execve, with no shell quoting in between.
 */
@Tag("process")
class ProgramIT {

    @ConformanceTest
    @Requirement("process.args.exact")
    void argsReachTheProgramUnchanged(RuntimeUnderTest runtime) {
        List<String> args = new ArrayList<>(List.of("/bin/sh", "-c", Programs.markThenWait(), "ocitk-argv0"));
        args.addAll(List.of("two words", "", "'single'", "\"double\"", "back\\slash", "tab\there", "new\nline",
                "$HOME", "*", "--flag=x", "\u00fcnic\u00f6de", ""));
        Bundle bundle = runtime.bundle().args(args).build();

        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        List<String> seen = ProcFs.of(container.pid()).cmdline();
        Programs.finish(container);

        assertThat(seen).as("argv of the container process (/proc/<pid>/cmdline)").containsExactlyElementsOf(args);
    }

    @ConformanceTest
    @Requirement("process.args.path-lookup")
    void programNameWithoutSlashIsFoundThroughThePathOfItsEnvironment(RuntimeUnderTest runtime) throws IOException {
        // The program lives only in a directory that is on the config's PATH, not on any usual one, so only a
        // lookup through process.env's PATH finds it.
        Bundle bundle = runtime.bundle().args("ocitk-probe")
                .edit(c -> replaceEnv(c, List.of("PATH=/ocitk/bin:/bin"))).build();
        Path program = Files.createDirectories(bundle.rootfs().resolve("ocitk/bin")).resolve("ocitk-probe");
        Files.writeString(program, "#!/bin/sh\n" + Programs.markThenWait() + "\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));

        Container container = runtime.create(bundle);
        CommandResult start = container.tryStart();

        assertThat(start.succeeded()).as("start of a program named without a slash:\n%s", start).isTrue();
        Programs.awaitRunning(bundle);
        Programs.finish(container);
    }

    private static final List<String> ENV = List.of("PATH=/bin", "OCITK_SPACES=a b  c ", "OCITK_EQUALS=x=y==z",
            "OCITK_EMPTY=", "OCITK_QUOTES='\"`", "OCITK_UNICODE=\u00e4\u00f6\u00fc", "OCITK_DOLLAR=$PATH");

    @ConformanceTest
    @Requirement("process.env.configured")
    void everyConfiguredVariableReachesTheProgramUnchanged(RuntimeUnderTest runtime) {
        List<String> environ = environOfProgramWith(runtime, ENV);

        assertThat(environ).as("environment of the container process (/proc/<pid>/environ)").containsAll(ENV);
        Map<String, Long> counts = environ.stream().map(e -> ProcFs.envName(e).orElse(e))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        ENV.forEach(e -> assertThat(counts.get(ProcFs.envName(e).orElseThrow()))
                .as("entries for %s in %s", ProcFs.envName(e).orElseThrow(), environ).isEqualTo(1L));
    }

    @ConformanceTest
    @Requirement("process.env.nothing-added")
    void programEnvironmentHasNothingBeyondTheConfiguredVariables(RuntimeUnderTest runtime) {
        List<String> environ = environOfProgramWith(runtime, ENV);

        List<String> added = environ.stream().filter(e -> !ENV.contains(e)).toList();
        runtime.observe("env.added", added.isEmpty() ? "(none)" : String.join(" ", added));
        assertThat(added).as("variables in the program's environment that process.env does not list").isEmpty();
    }

    private static List<String> environOfProgramWith(RuntimeUnderTest runtime, List<String> env) {
        Bundle bundle = runtime.bundle().args(Programs.waiting()).edit(c -> replaceEnv(c, env)).build();
        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        List<String> environ = ProcFs.of(container.pid()).environ();
        Programs.finish(container);
        return environ;
    }

    @ConformanceTest
    @Requirement("process.cwd.working-directory")
    void programStartsInTheConfiguredWorkingDirectory(RuntimeUnderTest runtime) throws IOException {
        Bundle bundle = runtime.bundle().cwd("/ocitk/work dir").args(Programs.waiting()).build();
        Path workDir = Files.createDirectories(bundle.rootfs().resolve("ocitk/work dir"));

        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        boolean same = Files.isSameFile(ProcFs.of(container.pid()).dir().resolve("cwd"), workDir);
        String seen = ProcFs.of(container.pid()).cwd();
        Programs.finish(container);

        assertThat(same).as("working directory of the container process (%s) is %s", seen, workDir).isTrue();
    }

    @ConformanceTest
    @Requirement("process.cwd.missing")
    void missingWorkingDirectoryIsCreatedOrAnError(RuntimeUnderTest runtime) throws IOException {
        Bundle bundle = runtime.bundle().cwd("/ocitk/not/yet").args(Programs.waiting()).build();
        Path workDir = bundle.rootfs().resolve("ocitk/not/yet");

        CommandResult create = runtime.tryCreate(bundle);
        if (!create.succeeded()) {
            runtime.observe("cwd.missing", "create error");
            assertThat(runtime.leftoversOf(bundle.containerId(), bundle)).as("what the failed create left").isEmpty();
            return;
        }
        Container container = runtime.container(bundle.containerId(), bundle);
        CommandResult start = container.tryStart();
        if (!start.succeeded()) {
            runtime.observe("cwd.missing", "start error");
            assertThat(bundle.out(Programs.RUNNING)).as("mark of a program whose start failed").isEmpty();
            return;
        }
        runtime.observe("cwd.missing", "created");
        Programs.awaitRunning(bundle);
        boolean same = Files.isDirectory(workDir)
                && Files.isSameFile(ProcFs.of(container.pid()).dir().resolve("cwd"), workDir);
        String seen = ProcFs.of(container.pid()).cwd();
        Programs.finish(container);
        assertThat(same).as("the program runs, so its working directory (%s) must be the configured %s", seen, workDir)
                .isTrue();
    }

    static void replaceEnv(ObjectNode config, List<String> env) {
        ArrayNode a = config.withObjectProperty("process").putArray("env");
        env.forEach(a::add);
    }
}
