package dev.ocitk.validator.cli;

import dev.ocitk.validator.internal.DocumentKind;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The subcommands that check single documents given as files or on standard input ("-"). */
abstract class DocumentCommand extends CheckCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Documents to check; - reads standard input.")
    List<String> files;

    abstract DocumentKind kind();

    @Override
    List<String> inputs() {
        return files;
    }

    @Override
    Outcome check(String input) throws IOException {
        if (input.equals("-")) {
            return Outcome.of(input, "-", validator.checkStream(kind(), "-", parent.stdin));
        }
        return Outcome.of(input, input, validator.checkFile(kind(), Path.of(input)));
    }
}
