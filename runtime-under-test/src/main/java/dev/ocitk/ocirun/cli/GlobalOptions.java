package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.Log;
import dev.ocitk.ocirun.lifecycle.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The top-level command: runc's global flags, shared by every verb through {@code @ParentCommand}. */
@Command(name = "ocirun", mixinStandardHelpOptions = true, version = "ocirun 0.1.0 (OCI runtime spec 1.3.0)",
        description = "Reference OCI runtime (runtime-spec 1.3.0) in Java, with runc's command line.")
public final class GlobalOptions {
    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/run/ocirun",
            description = "directory for container state (default: ${DEFAULT-VALUE})")
    Path root;

    @Option(names = "--log", paramLabel = "FILE", description = "append errors and warnings to FILE")
    Path log;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
            description = "log format: text or json (default: ${DEFAULT-VALUE})")
    String logFormat;

    @Option(names = "--debug", description = "log debug messages")
    boolean debug;

    @Option(names = "--systemd-cgroup", description = "use systemd to manage cgroups (not supported)")
    boolean systemdCgroup;

    /** Applies the logging flags; called by every verb before it does anything. */
    void init() {
        Log.Format f = switch (logFormat) {
            case "text" -> Log.Format.TEXT;
            case "json" -> Log.Format.JSON;
            default -> throw new dev.ocitk.ocirun.OcirunException(
                    "--log-format must be text or json, got \"" + logFormat + "\"");
        };
        Log.configure(log, f, debug);
        if (systemdCgroup) {
            throw new dev.ocitk.ocirun.OcirunException("--systemd-cgroup is not supported: ocirun manages cgroupfs directly");
        }
    }

    StateStore store() {
        return new StateStore(root);
    }
}
