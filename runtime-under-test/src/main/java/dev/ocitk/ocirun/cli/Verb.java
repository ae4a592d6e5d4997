package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.lifecycle.StateStore;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** Base of the verb commands: parses nothing itself, gives access to the global flags. */
abstract class Verb implements Callable<Integer> {
    @ParentCommand
    GlobalOptions global;

    @Override
    public final Integer call() {
        global.init();
        return run();
    }

    abstract int run();

    StateStore store() {
        return global.store();
    }
}
