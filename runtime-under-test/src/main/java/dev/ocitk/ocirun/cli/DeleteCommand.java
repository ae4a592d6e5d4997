package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.lifecycle.Deleter;

import java.util.List;

import static dev.ocitk.ocirun.cli.ArgParser.flag;

/** {@code delete [--force] ID}. */
public final class DeleteCommand implements Verb {
    @Override
    public ArgParser.Syntax syntax() {
        return new ArgParser.Syntax("delete", "Delete a stopped container (runtime.md#delete).",
                List.of(flag("kill a created or running container first", "--force", "-f")), List.of("ID"), 1);
    }

    @Override
    public int run(Globals g, ArgParser.Parsed a) {
        new Deleter(g.store()).delete(a.positional(0), a.flag("--force"));
        return 0;
    }
}
