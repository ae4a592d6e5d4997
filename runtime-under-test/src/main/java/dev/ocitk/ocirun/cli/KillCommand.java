package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.lifecycle.Killer;
import dev.ocitk.ocirun.linux.Signals;

import java.util.List;

import static dev.ocitk.ocirun.cli.ArgParser.flag;

/** {@code kill [--all] ID [SIGNAL]}: signal names or numbers as runc takes them, SIGTERM by default. */
public final class KillCommand implements Verb {
    @Override
    public ArgParser.Syntax syntax() {
        return new ArgParser.Syntax("kill",
                "Send SIGNAL (name or number, default SIGTERM) to a created or running container (runtime.md#kill).",
                List.of(flag("signal every process in the container's cgroups", "--all", "-a")),
                List.of("ID", "SIGNAL"), 1);
    }

    @Override
    public int run(Globals g, ArgParser.Parsed a) {
        String signal = a.positional(1) == null ? "SIGTERM" : a.positional(1);
        new Killer(g.store()).kill(a.positional(0), Signals.parse(signal), a.flag("--all"));
        return 0;
    }
}
