package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.lifecycle.Deleter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code delete [--force] ID}. */
@Command(name = "delete", description = "Delete a stopped container (runtime.md#delete); --force kills it first.")
public final class DeleteCommand extends Verb {
    @Option(names = {"-f", "--force"}, description = "kill a created or running container, then delete it")
    boolean force;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    int run() {
        new Deleter(store()).delete(id, force);
        return 0;
    }
}
