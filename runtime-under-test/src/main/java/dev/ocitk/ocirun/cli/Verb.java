package dev.ocitk.ocirun.cli;

/** One verb of the CLI: its syntax (options, positionals) and what it does. */
public interface Verb {
    ArgParser.Syntax syntax();

    /** Runs the verb; returns the exit status. Errors are thrown as OcirunException. */
    int run(Globals globals, ArgParser.Parsed args);
}
