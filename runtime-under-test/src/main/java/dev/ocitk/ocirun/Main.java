package dev.ocitk.ocirun;

import dev.ocitk.ocirun.cli.ArgParser;
import dev.ocitk.ocirun.cli.CreateCommand;
import dev.ocitk.ocirun.cli.DeleteCommand;
import dev.ocitk.ocirun.cli.FeaturesCommand;
import dev.ocitk.ocirun.cli.Globals;
import dev.ocitk.ocirun.cli.KillCommand;
import dev.ocitk.ocirun.cli.ListCommand;
import dev.ocitk.ocirun.cli.RunCommand;
import dev.ocitk.ocirun.cli.SpecCommand;
import dev.ocitk.ocirun.cli.StartCommand;
import dev.ocitk.ocirun.cli.StateCommand;
import dev.ocitk.ocirun.cli.Verb;

import java.util.List;

/**
 * Entry point of the ocirun CLI: {@code ocirun [global options] VERB [options] ARGS}. Only the verb
 * being run is instantiated. Every failure ends as one line on stderr (and in the log) and a
 * non-zero exit: 2 for a command-line mistake, 1 for anything else. Never a stack trace.
 *
 * <p>Start-up cost: no lambda, method reference or stream on the paths of the hot verbs (state,
 * start, kill, delete): the first one a JVM meets costs it the method-handle machinery, ~6 ms
 * interpreted (see README, "Start-up cost").
 */
public final class Main {
    public static final String VERSION = "0.1.0";

    /** The verbs, in the order help lists them. */
    static final List<String> VERBS = List.of("create", "start", "state", "kill", "delete", "run", "list", "features", "spec");

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("__train")) {
            System.exit(Training.run());
        }
        int code = run(args);
        Timing.mark("exit");
        System.out.flush();
        System.exit(code);
    }

    public static int run(String[] args) {
        try {
            int[] next = new int[1];
            ArgParser.Parsed global = ArgParser.parse(Globals.SYNTAX, args, 0, true, next);
            if (global.flag("--version")) {
                System.out.println("ocirun version " + VERSION + "\nspec: " + dev.ocitk.ocirun.features.Features.OCI_VERSION_MAX);
                return 0;
            }
            if (next[0] >= args.length) {
                if (global.flag("--help")) {
                    System.out.print(help());
                    return 0;
                }
                throw new ArgParser.UsageException("no command given");
            }
            String name = args[next[0]];
            Verb verb = verb(name);
            if (verb == null) {
                throw new ArgParser.UsageException("unknown command \"" + name + "\"");
            }
            Globals globals = Globals.from(global);
            for (int i = next[0] + 1; i < args.length && !args[i].equals("--"); i++) {
                if (args[i].equals("--help") || args[i].equals("-h")) {
                    System.out.print(ArgParser.usage("ocirun", verb.syntax()));
                    return 0;
                }
            }
            ArgParser.Parsed parsed = ArgParser.parse(verb.syntax(), args, next[0] + 1, false, null);
            return verb.run(globals, parsed);
        } catch (ArgParser.UsageException e) {
            Log.error(e.getMessage() + " (see ocirun --help)");
            return e.exitCode();
        } catch (OcirunException e) {
            Log.error(e.getMessage());
            return e.exitCode();
        } catch (RuntimeException | Error e) {
            Log.error("internal error: " + e);
            return 1;
        }
    }

    /** The verb called {@code name}, or null. */
    static Verb verb(String name) {
        return switch (name) {
            case "create" -> new CreateCommand();
            case "start" -> new StartCommand();
            case "state" -> new StateCommand();
            case "kill" -> new KillCommand();
            case "delete" -> new DeleteCommand();
            case "run" -> new RunCommand();
            case "list" -> new ListCommand();
            case "features" -> new FeaturesCommand();
            case "spec" -> new SpecCommand();
            default -> null;
        };
    }

    static String help() {
        StringBuilder sb = new StringBuilder(ArgParser.usage("ocirun", Globals.SYNTAX)).append("\nCommands:\n");
        for (String name : VERBS) {
            sb.append(String.format("    %-10s %s%n", name, verb(name).syntax().summary()));
        }
        return sb.append("\nRun 'ocirun COMMAND --help' for a command's options.\n").toString();
    }
}
