package dev.ocitk.validator;

/** Severity of a {@link Finding}, ordered from most to least severe. */
public enum Level {
    /** The document breaks a MUST of the spec or its schema: a runtime may refuse it. */
    ERROR,
    /** A SHOULD is not met, or the document is legal but very likely not what was meant. */
    WARNING,
    /** Worth knowing, never a problem by itself. */
    INFO;

    /** True when this level is at least as severe as {@code threshold}. */
    public boolean atLeast(Level threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
