package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.lifecycle.Starter;

import java.util.List;

/** {@code start ID}: runs the program of a created container (runtime.md#start). */
public final class StartCommand implements Verb {
    @Override
    public ArgParser.Syntax syntax() {
        return new ArgParser.Syntax("start", "Run the program of a created container (runtime.md#start).",
                List.of(), List.of("ID"), 1);
    }

    @Override
    public int run(Globals g, ArgParser.Parsed a) {
        new Starter(g.store()).start(a.positional(0));
        return 0;
    }
}
