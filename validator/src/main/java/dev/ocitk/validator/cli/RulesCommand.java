package dev.ocitk.validator.cli;

import dev.ocitk.validator.OciValidator;
import dev.ocitk.validator.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code oci-validate rules}: the rules catalogue, one line per rule. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule: ID, level, spec section and what it expects.")
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Rule r : OciValidator.rules()) {
            out.printf("%-55s %-7s %-45s %s%n", r.id(), Reporter.name(r.level()), r.specRef(), r.summary());
        }
        out.flush();
        return OciValidateCommand.EXIT_CLEAN;
    }
}
