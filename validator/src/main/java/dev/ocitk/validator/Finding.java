package dev.ocitk.validator;

import java.util.Objects;

/**
 * One problem found in a document.
 *
 * @param ruleId   stable rule identifier, e.g. {@code process.cwd.absolute} or {@code schema.type}
 * @param level    severity
 * @param pointer  RFC 6901 JSON pointer into the document ({@code ""} for the whole document)
 * @param message  one human-readable sentence
 * @param specRef  spec file and anchor the rule comes from, e.g. {@code config.md#process}
 */
public record Finding(String ruleId, Level level, String pointer, String message, String specRef) {
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(specRef, "specRef");
    }

    @Override
    public String toString() {
        return level + " " + ruleId + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + message + " [" + specRef + "]";
    }
}
