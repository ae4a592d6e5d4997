package dev.ocitk.validator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code oci-validate bundle DIR...}: config.json plus the checks that need the bundle on disk. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Lint bundle directories: config.json (schema and rules) plus root filesystem, program,"
                + " hook and bind-source checks. A directory without config.json is a finding.")
final class BundleCommand extends CheckCommand {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Bundle directories.")
    List<String> dirs;

    @Override
    List<String> inputs() {
        return dirs;
    }

    @Override
    Outcome check(String input) throws IOException {
        Path dir = Path.of(input);
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(input);
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a directory (a bundle is a directory holding config.json)");
        }
        String file = input.endsWith("/") ? input + "config.json" : input + "/config.json";
        return Outcome.of(input, file, validator.lint(dir));
    }
}
