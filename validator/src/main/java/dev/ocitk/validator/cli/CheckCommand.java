package dev.ocitk.validator.cli;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.internal.DefaultOciValidator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The shared flow of the checking subcommands: check every input, report them all, compute the exit status. */
abstract class CheckCommand implements Callable<Integer> {

    @ParentCommand
    OciValidateCommand parent;

    @Spec
    CommandSpec spec;

    final DefaultOciValidator validator = DefaultOciValidator.INSTANCE;

    /** The inputs as given on the command line. */
    abstract List<String> inputs();

    /** Checks one input; throws when it cannot be read at all. */
    abstract Outcome check(String input) throws IOException;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> inputs = inputs();
        Progress progress = Progress.onTerminal(err, inputs.size());
        List<Outcome> outcomes = new ArrayList<>(inputs.size());
        for (String input : inputs) {
            progress.step(input);
            Outcome outcome;
            try {
                outcome = check(input);
            } catch (NoSuchFileException e) {
                outcome = Outcome.failed(input, "no such file or directory");
            } catch (AccessDeniedException e) {
                outcome = Outcome.failed(input, "permission denied");
            } catch (IOException e) {
                outcome = Outcome.failed(input, OciValidateCommand.oneLine(e.getMessage()));
            }
            outcomes.add(outcome);
        }
        progress.done();
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                err.println("oci-validate: " + o.input() + ": " + o.error());
            }
        }
        err.flush();
        Level threshold = switch (parent.failOn) {
            case error -> Level.ERROR;
            case warning -> Level.WARNING;
            case info -> Level.INFO;
        };
        Reporter.forFormat(parent.format).write(outcomes, threshold, out);
        out.flush();
        if (outcomes.stream().anyMatch(o -> o.error() != null)) {
            return OciValidateCommand.EXIT_USAGE;
        }
        return outcomes.stream().anyMatch(o -> o.reaches(threshold))
                ? OciValidateCommand.EXIT_FINDINGS : OciValidateCommand.EXIT_CLEAN;
    }
}
