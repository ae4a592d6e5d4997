package dev.ocitk.validator.internal.json;

/**
 * Why a text is not a JSON document we validate.
 *
 * @param kind    the class of problem
 * @param message one line naming the cause
 * @param line    1-based line of the problem, or 0 when it has no place (e.g. the size limit)
 * @param column  1-based column, or 0
 */
public record ParseFailure(Kind kind, String message, long line, long column) {
    public enum Kind {
        /** Not JSON (syntax, encoding, trailing data, empty). */
        INVALID,
        /** Nested deeper than {@link JsonInput#MAX_DEPTH}. */
        TOO_DEEP,
        /** Larger than {@link JsonInput#MAX_BYTES}, or a single token beyond the parser's limits. */
        TOO_LARGE
    }

    /** {@code " at line L, column C"}, or nothing when the failure has no place. */
    public String where() {
        return line > 0 ? " at line " + line + ", column " + column : "";
    }
}
