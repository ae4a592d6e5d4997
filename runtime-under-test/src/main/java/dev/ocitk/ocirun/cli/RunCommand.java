package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.lifecycle.ContainerState;
import dev.ocitk.ocirun.lifecycle.Creator;
import dev.ocitk.ocirun.lifecycle.Deleter;
import dev.ocitk.ocirun.lifecycle.Starter;
import dev.ocitk.ocirun.linux.Sys;

import java.util.ArrayList;
import java.util.List;

import static dev.ocitk.ocirun.cli.ArgParser.flag;

/**
 * {@code run}: create, start, wait for the program to exit, delete; exits with the program's exit
 * code (128 + signal if it was killed). With {@code --detach} it returns after start.
 */
public final class RunCommand implements Verb {
    @Override
    public ArgParser.Syntax syntax() {
        List<ArgParser.Opt> opts = new ArrayList<>(CreateCommand.CREATE_OPTIONS);
        opts.add(flag("return after start instead of waiting for the program", "--detach", "-d"));
        return new ArgParser.Syntax("run", "Create and start a container, wait for its program to exit, delete it.",
                opts, List.of("ID"), 1);
    }

    @Override
    public int run(Globals g, ArgParser.Parsed a) {
        String id = a.positional(0);
        ContainerState s = new Creator(g.store()).create(CreateCommand.request(a)).state();
        try {
            new Starter(g.store()).start(id);
        } catch (RuntimeException e) {
            if (g.store().exists(id)) {
                new Deleter(g.store()).delete(id, true);
            }
            throw e;
        }
        if (a.flag("--detach")) {
            return 0;
        }
        int[] r = Sys.waitpid(s.pid(), 0); // the init is this process's child
        int code = r[0] > 0 ? Sys.exitCode(r[1]) : 0;
        new Deleter(g.store()).delete(id, true);
        return code;
    }
}
