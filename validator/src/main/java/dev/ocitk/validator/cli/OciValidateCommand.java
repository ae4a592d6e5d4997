package dev.ocitk.validator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code oci-validate}: lint OCI bundles and validate config, state and features documents, offline.
 *
 * <p>Exit status: 0 when no finding reaches the {@code --fail-on} level, 1 when one does, 2 for usage errors and
 * inputs that cannot be read, 3 for an internal error (a bug: please report it, with {@code --debug} output).
 */
@Command(name = "oci-validate",
        mixinStandardHelpOptions = true,
        versionProvider = OciValidateCommand.Version.class,
        description = "Validates OCI runtime-spec documents (schema and semantic rules, spec v1.3.0 and earlier),"
                + " offline.",
        subcommands = {BundleCommand.class, ConfigCommand.class, StateCommand.class, FeaturesCommand.class,
                RulesCommand.class},
        footer = {"", "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error, 3 internal error.",
                "Rules: oci-validate rules, or RULES.md; each finding names its rule and spec section."})
public final class OciValidateCommand implements Callable<Integer> {

    public static final int EXIT_CLEAN = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    /** Output formats. */
    public enum Format { text, json, sarif }

    /** The least severe level that fails the run. */
    public enum FailOn { error, warning, info }

    @Option(names = "--format", scope = ScopeType.INHERIT, paramLabel = "text|json|sarif",
            description = "Output format (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;

    @Option(names = "--fail-on", scope = ScopeType.INHERIT, paramLabel = "error|warning|info",
            description = "Exit 1 when a finding is at least this severe (default: ${DEFAULT-VALUE}).",
            defaultValue = "error")
    FailOn failOn;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of internal errors.")
    boolean debug;

    @Spec
    CommandSpec spec;

    /** Where "-" reads from. */
    final InputStream stdin;

    private OciValidateCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        System.exit(run(System.in, new PrintWriter(System.out), new PrintWriter(System.err), args));
    }

    /** Runs a command line with the given streams and returns the exit status. */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(in);
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(InputStream in) {
        CommandLine cli = new CommandLine(new OciValidateCommand(in));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(OciValidateCommand::usageError);
        cli.setExecutionExceptionHandler(OciValidateCommand::internalError);
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_INTERNAL);
        return cli;
    }

    /** No subcommand: a usage error. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("oci-validate: missing command: bundle, config, state, features or rules (try: oci-validate --help)");
        err.flush();
        return EXIT_USAGE;
    }

    /** One line naming the problem and where to get help, instead of picocli's full usage text. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("oci-validate: " + oneLine(e.getMessage()) + " (try: " + cmd.getCommandSpec().qualifiedName()
                + " --help)");
        err.flush();
        return EXIT_USAGE;
    }

    private static int internalError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean debug = parsed.hasMatchedOption("--debug")
                || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--debug"));
        PrintWriter err = cmd.getErr();
        err.println("oci-validate: internal error: " + oneLine(String.valueOf(e))
                + (debug ? "" : " (rerun with --debug for details, and please report it)"));
        if (debug) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return EXIT_INTERNAL;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** The version from the runnable jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = OciValidateCommand.class.getPackage().getImplementationVersion();
            return new String[] {"oci-validate " + (v == null ? "(development build)" : v)
                    + ", OCI runtime-spec " + dev.ocitk.schemas.OciSchemas.SPEC_VERSION.toLowerCase(Locale.ROOT)};
        }
    }
}
