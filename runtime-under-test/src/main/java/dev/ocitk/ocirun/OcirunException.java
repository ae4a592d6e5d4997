package dev.ocitk.ocirun;

/**
 * An error that ends a command: its message is the one line the user sees on stderr (and in the
 * log), so it names the cause without a stack trace. Wrap lower-level failures with context, e.g.
 * {@code new OcirunException("mount /proc: " + errno)}.
 */
public class OcirunException extends RuntimeException {
    private final int exitCode;

    public OcirunException(String message) {
        this(message, 1);
    }

    public OcirunException(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public OcirunException(String message, Throwable cause) {
        super(message, cause, false, false);
        this.exitCode = 1;
    }

    public int exitCode() {
        return exitCode;
    }
}
