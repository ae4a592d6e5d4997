package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.lifecycle.Creator;

import java.nio.file.Path;
import java.util.List;

import static dev.ocitk.ocirun.cli.ArgParser.flag;
import static dev.ocitk.ocirun.cli.ArgParser.value;

/** {@code create [--bundle DIR] [--pid-file F] [--console-socket S] [--preserve-fds N] [--no-pivot] ID}. */
public final class CreateCommand implements Verb {
    static final List<ArgParser.Opt> CREATE_OPTIONS = List.of(
            value("DIR", ".", "bundle directory", "--bundle", "-b"),
            value("FILE", null, "write the container process's pid to FILE", "--pid-file"),
            value("SOCKET", null, "AF_UNIX socket that receives the terminal master (process.terminal)", "--console-socket"),
            value("N", "0", "pass descriptors 3 to 3+N-1 on to the container", "--preserve-fds"),
            flag("use MS_MOVE and chroot instead of pivot_root", "--no-pivot"),
            flag("accepted for runc compatibility (ocirun never makes a session keyring)", "--no-new-keyring"));

    @Override
    public ArgParser.Syntax syntax() {
        return new ArgParser.Syntax("create",
                "Create a container from a bundle; its program waits for start (runtime.md#create).",
                CREATE_OPTIONS, List.of("ID"), 1);
    }

    static Creator.Request request(ArgParser.Parsed a) {
        String pidFile = a.value("--pid-file");
        String console = a.value("--console-socket");
        return new Creator.Request(a.positional(0), Path.of(a.value("--bundle")),
                pidFile == null ? null : Path.of(pidFile), console == null ? null : Path.of(console),
                a.intValue("--preserve-fds"), a.flag("--no-pivot"));
    }

    @Override
    public int run(Globals g, ArgParser.Parsed a) {
        new Creator(g.store()).create(request(a));
        return 0;
    }
}
