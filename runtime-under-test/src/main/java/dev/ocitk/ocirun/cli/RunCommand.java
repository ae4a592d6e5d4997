package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.lifecycle.ContainerState;
import dev.ocitk.ocirun.lifecycle.Creator;
import dev.ocitk.ocirun.lifecycle.Deleter;
import dev.ocitk.ocirun.lifecycle.Starter;
import dev.ocitk.ocirun.linux.Sys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/**
 * {@code run}: create, start, wait for the program to exit, delete; exits with the program's exit
 * code (128 + signal if it was killed). With {@code --detach} it returns after start.
 */
@Command(name = "run", description = "Create and start a container, wait for it to exit, then delete it.")
public final class RunCommand extends Verb {
    @Option(names = {"-b", "--bundle"}, paramLabel = "DIR", defaultValue = ".", description = "bundle directory (default: current)")
    Path bundle;

    @Option(names = "--pid-file", paramLabel = "FILE")
    Path pidFile;

    @Option(names = "--console-socket", paramLabel = "SOCKET")
    Path consoleSocket;

    @Option(names = {"-d", "--detach"}, description = "return after start instead of waiting")
    boolean detach;

    @Option(names = "--preserve-fds", paramLabel = "N", defaultValue = "0")
    int preserveFds;

    @Option(names = "--no-pivot")
    boolean noPivot;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    int run() {
        ContainerState s = new Creator(store())
                .create(new Creator.Request(id, bundle, pidFile, consoleSocket, preserveFds, noPivot)).state();
        try {
            new Starter(store()).start(id);
        } catch (RuntimeException e) {
            if (store().exists(id)) {
                new Deleter(store()).delete(id, true);
            }
            throw e;
        }
        if (detach) {
            return 0;
        }
        int[] r = Sys.waitpid(s.pid(), 0); // the init is this process's child
        int code = r[0] > 0 ? Sys.exitCode(r[1]) : 0;
        new Deleter(store()).delete(id, true);
        return code;
    }
}
