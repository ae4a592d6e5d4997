package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.Log;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.lifecycle.StateStore;

import java.nio.file.Path;
import java.util.List;

import static dev.ocitk.ocirun.cli.ArgParser.flag;
import static dev.ocitk.ocirun.cli.ArgParser.value;

/** runc's global flags, before the verb: {@code --root}, {@code --log}, {@code --log-format}, {@code --debug}. */
public record Globals(Path root, Path log, Log.Format logFormat, boolean debug) {

    public static final ArgParser.Syntax SYNTAX = new ArgParser.Syntax("",
            "Reference OCI runtime (runtime-spec 1.3.0) in Java, with runc's command line.",
            List.of(value("DIR", "/run/ocirun", "directory for container state", "--root"),
                    value("FILE", null, "append errors and warnings to FILE", "--log"),
                    value("text|json", "text", "log format", "--log-format"),
                    flag("log debug messages", "--debug"),
                    flag("use systemd to manage cgroups (not supported)", "--systemd-cgroup"),
                    flag("show help", "--help", "-h"),
                    flag("show the version", "--version", "-v")),
            List.of("COMMAND"), 0);

    public static Globals from(ArgParser.Parsed p) {
        Log.Format format = switch (p.value("--log-format")) {
            case "text" -> Log.Format.TEXT;
            case "json" -> Log.Format.JSON;
            default -> throw new ArgParser.UsageException("--log-format must be text or json, got \""
                    + p.value("--log-format") + "\"");
        };
        String log = p.value("--log");
        Globals g = new Globals(Path.of(p.value("--root")), log == null ? null : Path.of(log), format, p.flag("--debug"));
        Log.configure(g.log(), g.logFormat(), g.debug());
        if (p.flag("--systemd-cgroup")) {
            throw new OcirunException("--systemd-cgroup is not supported: ocirun manages cgroupfs directly");
        }
        return g;
    }

    public StateStore store() {
        return new StateStore(root);
    }
}
