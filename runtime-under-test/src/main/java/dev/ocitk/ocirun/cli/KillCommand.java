package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.lifecycle.Killer;
import dev.ocitk.ocirun.linux.Signals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kill [--all] ID [SIGNAL]}: signal names or numbers as runc takes them, SIGTERM by default. */
@Command(name = "kill", description = "Send a signal (default SIGTERM) to a created or running container (runtime.md#kill).")
public final class KillCommand extends Verb {
    @Option(names = {"-a", "--all"}, description = "signal every process in the container's cgroup")
    boolean all;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "SIGNAL", defaultValue = "SIGTERM", description = "name or number (default: ${DEFAULT-VALUE})")
    String signal;

    @Override
    int run() {
        int sig = Signals.parse(signal);
        new Killer(store()).kill(id, sig, all);
        return 0;
    }
}
