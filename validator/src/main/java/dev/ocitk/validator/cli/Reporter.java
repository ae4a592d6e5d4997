package dev.ocitk.validator.cli;

import dev.ocitk.validator.Level;

import java.io.PrintWriter;
import java.util.List;

/** Writes the outcomes of one run to standard output in one format. */
interface Reporter {

    void write(List<Outcome> outcomes, Level threshold, PrintWriter out);

    static Reporter forFormat(OciValidateCommand.Format format) {
        return switch (format) {
            case text -> new TextReporter();
            case json -> new JsonReporter();
            case sarif -> new SarifReporter();
        };
    }

    /** Lower-case level names as the text and JSON outputs use them. */
    static String name(Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "info";
        };
    }
}
