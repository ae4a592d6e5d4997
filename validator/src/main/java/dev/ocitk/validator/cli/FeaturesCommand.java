package dev.ocitk.validator.cli;

import dev.ocitk.validator.internal.DocumentKind;
import picocli.CommandLine.Command;

/** {@code oci-validate features FILE...}: the output of a runtime's features operation. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Validate features documents (features.md), e.g. runc features | oci-validate features -")
final class FeaturesCommand extends DocumentCommand {
    @Override
    DocumentKind kind() {
        return DocumentKind.FEATURES;
    }
}
