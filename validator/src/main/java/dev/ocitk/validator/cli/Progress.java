package dev.ocitk.validator.cli;

import java.io.PrintWriter;

/** A one-line progress display on stderr, only when a person is watching (a terminal) and there is more than one input. */
final class Progress {
    private final PrintWriter err;
    private final int total;
    private int done;

    private Progress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    static Progress onTerminal(PrintWriter err, int total) {
        return new Progress(System.console() != null && total > 1 ? err : null, total);
    }

    void step(String input) {
        if (err != null) {
            String name = input.length() > 60 ? "..." + input.substring(input.length() - 57) : input;
            err.print("\r\033[K[" + (++done) + "/" + total + "] " + name);
            err.flush();
        }
    }

    void done() {
        if (err != null) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
