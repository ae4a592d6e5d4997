package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.lifecycle.Starter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code start ID}: runs the program of a created container (runtime.md#start). */
@Command(name = "start", description = "Run the program of a created container (runtime.md#start).")
public final class StartCommand extends Verb {
    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    int run() {
        new Starter(store()).start(id);
        return 0;
    }
}
