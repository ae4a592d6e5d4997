package dev.ocitk.conformance.hooks;

import dev.ocitk.conformance.Await;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.Hook;
import dev.ocitk.conformance.host.ProcessFacts;
import dev.ocitk.conformance.runtime.CommandResult;

import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static dev.ocitk.conformance.bundle.Hook.Kind.CREATE_RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;

/** How a hook is executed (config.md#posix-platform-hooks): its argv, its environment, its timeout. */
@Tag("hooks")
class HookExecutionIT {

    /** Arguments a shell-based runtime or a careless join/split would mangle. */
    private static final List<String> AWKWARD_ARGS = List.of("", "two words", "quote ' \" \\ $HOME", "*", "-n");

    private static final List<String> ENV = List.of("OCITK_A=1", "OCITK_B=two words", "OCITK_EMPTY=", "PATH=/bin");

    /** A hook that would sleep this long, far beyond its timeout; the test's own bound sits in between. */
    private static final int SLEEP_SECONDS = 15;
    private static final int TIMEOUT_SECONDS = 2;
    private static final Duration ABORT_BOUND = Duration.ofSeconds(11);

    @ConformanceTest
    @Requirement("hooks.args.execv")
    void argsReachEveryHookAsItsArgv(RuntimeUnderTest runtime) {
        RecordedLifecycle run = RecordedLifecycle.run(runtime,
                (evidence, kind) -> evidence.recorder(kind, 0, AWKWARD_ARGS, List.of()));

        for (Hook.Kind kind : Hook.Kind.values()) {
            HookEvidence.Record r = run.record(kind);
            // The args as this test wrote them (not as config.json reads now, which a faulty runtime may have edited).
            List<String> configured = run.evidence().recorder(kind, 0, AWKWARD_ARGS, List.of()).args();
            assertThat(r.argv()).as("argv of %s", r.name()).containsExactlyElementsOf(configured);
        }
    }

    @ConformanceTest
    @Requirement("hooks.env.environ")
    void envIsEveryHooksWholeEnvironment(RuntimeUnderTest runtime) {
        RecordedLifecycle run = RecordedLifecycle.run(runtime,
                (evidence, kind) -> evidence.recorder(kind, 0, List.of(), ENV));

        for (Hook.Kind kind : Hook.Kind.values()) {
            HookEvidence.Record r = run.record(kind);
            assertThat(r.env()).as("environment of %s", r.name()).containsExactlyInAnyOrderElementsOf(ENV);
        }
    }

    @ConformanceTest
    @Requirement("hooks.timeout.aborts")
    void hookPastItsTimeoutIsAborted(RuntimeUnderTest runtime) throws IOException {
        TimedOutHook hook = createWithSleepingHook(runtime);
        try {
            runtime.observe("create-after-hook-timeout", hook.create.succeeded() ? "succeeded"
                    : "error: " + hook.create.stderr().strip());
            assertThat(hook.process).as("pid the sleeping createRuntime hook wrote: it never ran").isPresent();
            assertThat(hook.create.elapsed()).as("time create took with a createRuntime hook that has a %d s timeout"
                    + " but sleeps %d s:%n%s", TIMEOUT_SECONDS, SLEEP_SECONDS, hook.create.describe())
                    .isLessThan(ABORT_BOUND);
            Await.until("the timed-out hook process " + hook.process.get().pid() + " to end", () ->
                    !hook.process.get().isAlive());
        } finally {
            hook.killIfAlive();
        }
    }

    @ConformanceTest
    @Requirement("hooks.timeout.counts-as-failure")
    void hookPastItsTimeoutFailsCreate(RuntimeUnderTest runtime) throws IOException {
        TimedOutHook hook = createWithSleepingHook(runtime);
        try {
            assertThat(hook.create.elapsed()).as("create with a hook past its timeout returned in time (see"
                    + " hookPastItsTimeoutIsAborted):%n%s", hook.create.describe()).isLessThan(ABORT_BOUND);
            assertError(hook.create, "create whose createRuntime hook ran past its " + TIMEOUT_SECONDS + " s timeout");
            assertError(runtime.state(hook.bundle.containerId()), "state after the failed create");
        } finally {
            hook.killIfAlive();
        }
    }

    private record TimedOutHook(Bundle bundle, CommandResult create, Optional<ProcessFacts.Identity> process) {
        /** Leaves the host clean when the runtime did not end the hook (only this test's own hook process). */
        void killIfAlive() {
            process.filter(ProcessFacts.Identity::isAlive)
                    .flatMap(p -> ProcessHandle.of(p.pid())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Creates a container whose createRuntime hook records its pid, then sleeps past its timeout. */
    private static TimedOutHook createWithSleepingHook(RuntimeUnderTest runtime) throws IOException {
        Path pidFile = runtime.scratchDir().resolve("sleeping-hook.pid");
        Hook sleeper = Hook.of("/bin/busybox", "sh", "-c",
                "cat > /dev/null; echo $$ > " + pidFile + "; exec sleep " + SLEEP_SECONDS).withTimeout(TIMEOUT_SECONDS);
        Bundle bundle = runtime.bundle().hook(CREATE_RUNTIME, sleeper).build();

        CommandResult create = runtime.tryCreate(bundle);

        Optional<ProcessFacts.Identity> process = Files.exists(pidFile)
                ? ProcessFacts.identify(Long.parseLong(Files.readString(pidFile).trim())) : Optional.empty();
        if (process.isEmpty() && Files.exists(pidFile)) {
            // Already gone: keep a dead identity, so the checks above see the hook ran and has ended.
            process = Optional.of(new ProcessFacts.Identity(Long.parseLong(Files.readString(pidFile).trim()), -1));
        }
        return new TimedOutHook(bundle, create, process);
    }
}
