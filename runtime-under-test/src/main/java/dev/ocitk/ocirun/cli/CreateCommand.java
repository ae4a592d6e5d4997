package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.lifecycle.Creator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code create [--bundle DIR] [--pid-file F] [--console-socket S] ID}. */
@Command(name = "create", description = "Create a container from a bundle; its program waits for start (runtime.md#create).")
public final class CreateCommand extends Verb {
    @Option(names = {"-b", "--bundle"}, paramLabel = "DIR", defaultValue = ".", description = "bundle directory (default: current)")
    Path bundle;

    @Option(names = "--pid-file", paramLabel = "FILE", description = "write the container process's pid to FILE")
    Path pidFile;

    @Option(names = "--console-socket", paramLabel = "SOCKET",
            description = "AF_UNIX socket that receives the terminal master when process.terminal is true")
    Path consoleSocket;

    @Option(names = "--preserve-fds", paramLabel = "N", defaultValue = "0",
            description = "pass N descriptors after stdio (3 to 3+N-1) to the container")
    int preserveFds;

    @Option(names = "--no-pivot", description = "use MS_MOVE and chroot instead of pivot_root")
    boolean noPivot;

    @Option(names = "--no-new-keyring", description = "accepted for runc compatibility; ocirun never creates a session keyring")
    boolean noNewKeyring;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    int run() {
        new Creator(store()).create(new Creator.Request(id, bundle, pidFile, consoleSocket, preserveFds, noPivot));
        return 0;
    }
}
