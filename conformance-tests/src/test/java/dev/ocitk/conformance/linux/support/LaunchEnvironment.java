package dev.ocitk.conformance.linux.support;

import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.runtime.CommandResult;
import dev.ocitk.conformance.runtime.CommandRunner;
import dev.ocitk.conformance.runtime.Stdio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Starts the runtime's {@code create} from a process environment the test chooses: extra open (inheritable) file
 * descriptors, a umask, an {@code oom_score_adj}, extra environment variables. The harness JVM cannot hand a child
 * anything but stdio, so the runtime is started through {@code /bin/sh}, which sets these up and then
 * {@code exec}s the unchanged runtime command line: the runtime sees them as its caller's.
 *
 * <p>Used to check what a runtime passes on to the container (file descriptors, umask, oom score) and what it
 * must not.
 */
public final class LaunchEnvironment {

    private final Map<Integer, Path> openFiles = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private OptionalInt umask = OptionalInt.empty();
    private OptionalInt oomScoreAdj = OptionalInt.empty();
    private OptionalInt listenFds = OptionalInt.empty();

    /** Keeps {@code file} open read-only on descriptor {@code fd} (3 or more) when the runtime starts. */
    public LaunchEnvironment openFile(int fd, Path file) {
        if (fd < 3) throw new IllegalArgumentException("fd " + fd + " is stdio");
        openFiles.put(fd, file);
        return this;
    }

    public LaunchEnvironment umask(int mask) {
        umask = OptionalInt.of(mask);
        return this;
    }

    /** Raises the launcher's {@code oom_score_adj} (lowering it needs CAP_SYS_RESOURCE, which root may lack). */
    public LaunchEnvironment oomScoreAdj(int value) {
        oomScoreAdj = OptionalInt.of(value);
        return this;
    }

    /**
     * Offers the first {@code count} descriptors from 3 on for socket activation (sd_listen_fds(3)):
     * {@code LISTEN_FDS=count} and {@code LISTEN_PID} set to the pid the runtime will have (the launcher execs it).
     */
    public LaunchEnvironment socketActivation(int count) {
        listenFds = OptionalInt.of(count);
        return this;
    }

    public LaunchEnvironment env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The shell prelude and the runtime command after it, as one argv. */
    List<String> wrap(List<String> runtimeCommand) {
        StringBuilder script = new StringBuilder("set -e; ");
        umask.ifPresent(m -> script.append("umask ").append(String.format("%04o", m)).append("; "));
        oomScoreAdj.ifPresent(v -> script.append("echo ").append(v).append(" > /proc/self/oom_score_adj; "));
        openFiles.forEach((fd, file) -> script.append("exec ").append(fd).append("<").append(quote(file.toString())).append("; "));
        env.forEach((k, v) -> script.append("export ").append(k).append("=").append(quote(v)).append("; "));
        listenFds.ifPresent(n -> script.append("export LISTEN_FDS=").append(n).append(" LISTEN_PID=$$; "));
        script.append("exec \"$@\"");
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", script.toString(), "ocitk-launch"));
        argv.addAll(runtimeCommand);
        return argv;
    }

    /**
     * {@code create} of {@code bundle}'s container with the bundle's pid file and stdio files, from this
     * environment. The container is tracked like one made by {@link RuntimeUnderTest#create}, so the harness
     * removes it and checks for leaks afterwards.
     */
    public CommandResult tryCreate(RuntimeUnderTest runtime, Bundle bundle) {
        String id = bundle.containerId();
        Container container = runtime.container(id, bundle);
        List<String> command = runtime.client().command(List.of("create", "--bundle", bundle.dir().toString(),
                "--pid-file", bundle.pidFile().toString(), id));
        CommandRunner runner = new CommandRunner(runtime.scratchDir().resolve("launch-calls"));
        CommandResult r = runner.run(wrap(command), runtime.client().timeout(),
                Stdio.toFiles(bundle.stdoutFile(), bundle.stderrFile()));
        if (r.succeeded()) {
            container.state(); // records the container's pid for the leak check
        }
        return r;
    }

    /** As {@link #tryCreate}, failing the test when create reports an error. */
    public Container create(RuntimeUnderTest runtime, Bundle bundle) {
        CommandResult r = tryCreate(runtime, bundle);
        if (!r.succeeded()) throw new AssertionError("create of " + bundle.containerId() + " failed:\n" + r.describe());
        return runtime.container(bundle.containerId(), bundle);
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
