package dev.ocitk.validator.cli;

import dev.ocitk.validator.internal.DocumentKind;
import picocli.CommandLine.Command;

/** {@code oci-validate config FILE...}: config.json without the bundle checks. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Validate config.json documents (schema and rules; no file-system checks, see bundle).")
final class ConfigCommand extends DocumentCommand {
    @Override
    DocumentKind kind() {
        return DocumentKind.CONFIG;
    }
}
