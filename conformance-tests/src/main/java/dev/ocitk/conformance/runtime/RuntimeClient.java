package dev.ocitk.conformance.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operations of runtime.md#operations in the runc CLI dialect: {@code create}, {@code start}, {@code state},
 * {@code kill}, {@code delete}, plus {@code features} and {@code --version}. Every call carries the suite's private
 * {@code --root} and runs under the configured deadline. The client never judges results; it only reports them.
 * Thread-safe: it holds no mutable state.
 */
public final class RuntimeClient {

    private final Path binary;
    private final List<String> globalArgs;
    private final Path stateRoot;
    private final Duration timeout;
    private final CommandRunner runner;

    public RuntimeClient(Path binary, List<String> globalArgs, Path stateRoot, Duration timeout, CommandRunner runner) {
        this.binary = binary;
        this.globalArgs = List.copyOf(globalArgs);
        this.stateRoot = stateRoot;
        this.timeout = timeout;
        this.runner = runner;
    }

    /** The private {@code --root} directory of this suite run. */
    public Path stateRoot() {
        return stateRoot;
    }

    public Path binary() {
        return binary;
    }

    public Duration timeout() {
        return timeout;
    }

    /** {@code create --bundle B [--pid-file P] ID}, with the container's stdio as given. */
    public CommandResult create(String id, Path bundle, Optional<Path> pidFile, Stdio stdio) {
        List<String> args = new ArrayList<>(List.of("create", "--bundle", bundle.toString()));
        pidFile.ifPresent(p -> args.addAll(List.of("--pid-file", p.toString())));
        args.add(id);
        return call(args, stdio);
    }

    public CommandResult start(String id) {
        return call(List.of("start", id), Stdio.captured());
    }

    public CommandResult state(String id) {
        return call(List.of("state", id), Stdio.captured());
    }

    /** {@code kill ID [SIGNAL]}; an empty signal leaves it to the runtime's default. */
    public CommandResult kill(String id, Optional<String> signal) {
        List<String> args = new ArrayList<>(List.of("kill", id));
        signal.ifPresent(args::add);
        return call(args, Stdio.captured());
    }

    public CommandResult delete(String id, boolean force) {
        return call(force ? List.of("delete", "--force", id) : List.of("delete", id), Stdio.captured());
    }

    public CommandResult features() {
        return call(List.of("features"), Stdio.captured());
    }

    /** {@code --version}, without {@code --root}. */
    public CommandResult version() {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(globalArgs);
        cmd.add("--version");
        return runner.run(cmd, timeout, Stdio.captured());
    }

    /** Any verb with the global flags and {@code --root} in front, for dialect extensions a test needs. */
    public CommandResult call(List<String> verbAndArgs, Stdio stdio) {
        return runner.run(command(verbAndArgs), timeout, stdio);
    }

    /**
     * The command line {@link #call} runs for {@code verbAndArgs}: binary, global flags, {@code --root}, then the
     * verb. For tests that must start the runtime in a process environment of their own (an extra open file,
     * another umask) through a launcher in front of it.
     */
    public List<String> command(List<String> verbAndArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(globalArgs);
        cmd.add("--root");
        cmd.add(stateRoot.toString());
        cmd.addAll(verbAndArgs);
        return List.copyOf(cmd);
    }
}
