package dev.ocitk.conformance.runtime;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one runtime call did: the exact command, exit code, captured output and duration. {@link #describe()} quotes
 * all of it, so every failure message built from a result shows the runtime's own words.
 *
 * @param timedOut true when the call overran its deadline and was killed ({@code exitCode} is then -1)
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr, Duration elapsed,
                            boolean timedOut) {

    private static final int QUOTE_LIMIT = 4000;

    public CommandResult {
        command = List.copyOf(command);
    }

    /** Exit code 0 within the deadline. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** The runtime reported an error the way the runc CLI dialect does: a non-zero exit within the deadline. */
    public boolean reportedError() {
        return !timedOut && exitCode != 0;
    }

    /** The command as a shell-like line, for messages. */
    public String commandLine() {
        return command.stream().map(CommandResult::quoteArg).collect(Collectors.joining(" "));
    }

    /** Multi-line account of the call: command, exit status, stdout and stderr. */
    public String describe() {
        String status = timedOut ? "timed out after " + elapsed.toMillis() + " ms and was killed"
                : "exited " + exitCode + " after " + elapsed.toMillis() + " ms";
        return "`" + commandLine() + "` " + status + "\n  stdout: " + quote(stdout) + "\n  stderr: " + quote(stderr);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String quote(String s) {
        if (s.isEmpty()) return "<empty>";
        String t = s.strip();
        if (t.length() > QUOTE_LIMIT) t = t.substring(0, QUOTE_LIMIT) + "... (" + (s.length() - QUOTE_LIMIT) + " more chars)";
        return t.replace("\n", "\n          ");
    }

    private static String quoteArg(String a) {
        if (!a.isEmpty() && a.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0)) {
            return a;
        }
        return "'" + a.replace("'", "'\\''") + "'";
    }
}
