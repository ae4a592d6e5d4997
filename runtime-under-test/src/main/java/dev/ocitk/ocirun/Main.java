package dev.ocitk.ocirun;

import dev.ocitk.ocirun.cli.CreateCommand;
import dev.ocitk.ocirun.cli.DeleteCommand;
import dev.ocitk.ocirun.cli.FeaturesCommand;
import dev.ocitk.ocirun.cli.GlobalOptions;
import dev.ocitk.ocirun.cli.KillCommand;
import dev.ocitk.ocirun.cli.ListCommand;
import dev.ocitk.ocirun.cli.RunCommand;
import dev.ocitk.ocirun.cli.SpecCommand;
import dev.ocitk.ocirun.cli.StartCommand;
import dev.ocitk.ocirun.cli.StateCommand;
import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Entry point of the ocirun CLI. To keep start-up short, only the verb being run is registered with
 * picocli (building a command spec reflects over its class), unless no verb is given.
 * Every failure ends as one line on stderr and a non-zero exit, never a stack trace.
 */
public final class Main {
    private static final Map<String, Supplier<Object>> VERBS = new LinkedHashMap<>();

    static {
        VERBS.put("create", CreateCommand::new);
        VERBS.put("start", StartCommand::new);
        VERBS.put("state", StateCommand::new);
        VERBS.put("kill", KillCommand::new);
        VERBS.put("delete", DeleteCommand::new);
        VERBS.put("run", RunCommand::new);
        VERBS.put("list", ListCommand::new);
        VERBS.put("features", FeaturesCommand::new);
        VERBS.put("spec", SpecCommand::new);
    }

    /** Global flags that take a separate value, so the verb search can skip that value. */
    private static final Set<String> GLOBAL_WITH_VALUE = Set.of("--root", "--log", "--log-format");

    private Main() {}

    public static void main(String[] args) {
        int code = run(args);
        System.out.flush();
        System.exit(code);
    }

    public static int run(String[] args) {
        try {
            CommandLine cl = new CommandLine(new GlobalOptions());
            String verb = findVerb(args);
            if (verb != null && VERBS.containsKey(verb)) {
                cl.addSubcommand(verb, VERBS.get(verb).get());
            } else {
                VERBS.forEach((name, make) -> cl.addSubcommand(name, make.get()));
            }
            cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
                if (ex instanceof OcirunException oe) {
                    Log.error(oe.getMessage());
                    return oe.exitCode();
                }
                Log.error("internal error: " + ex);
                return 1;
            });
            cl.setParameterExceptionHandler((ex, a) -> {
                Log.error(ex.getMessage().lines().findFirst().orElse("invalid arguments")
                        + " (see ocirun --help)");
                return 2;
            });
            if (verb == null && !hasHelpOrVersion(args)) {
                Log.error("no command given (see ocirun --help)");
                return 2;
            }
            return cl.execute(args);
        } catch (OcirunException e) {
            Log.error(e.getMessage());
            return e.exitCode();
        }
    }

    static String findVerb(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (GLOBAL_WITH_VALUE.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static boolean hasHelpOrVersion(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V")) {
                return true;
            }
        }
        return false;
    }
}
