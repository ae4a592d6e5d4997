package dev.ocitk.validator.cli;

import dev.ocitk.validator.internal.DocumentKind;
import picocli.CommandLine.Command;

/** {@code oci-validate state FILE...}: the output of a runtime's state operation. */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Validate container state documents (runtime.md#state), e.g. runc state ID | oci-validate state -")
final class StateCommand extends DocumentCommand {
    @Override
    DocumentKind kind() {
        return DocumentKind.STATE;
    }
}
