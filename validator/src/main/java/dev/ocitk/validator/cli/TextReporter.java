package dev.ocitk.validator.cli;

import dev.ocitk.validator.Finding;
import dev.ocitk.validator.Level;

import java.io.PrintWriter;
import java.util.List;

/**
 * Compiler-style lines, so editors and CI logs link them to the file:
 * {@code FILE:LINE:COLUMN: LEVEL RULE: MESSAGE (SPEC-SECTION)}, then {@code FILE: ok} for clean inputs and a summary.
 */
final class TextReporter implements Reporter {

    @Override
    public void write(List<Outcome> outcomes, Level threshold, PrintWriter out) {
        long errors = 0;
        long warnings = 0;
        long infos = 0;
        int checked = 0;
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                continue; // already on stderr
            }
            checked++;
            if (o.findings().isEmpty()) {
                out.println(o.file() + ": ok");
            }
            for (Outcome.Located l : o.findings()) {
                Finding f = l.finding();
                String place = l.location() == null ? o.file()
                        : o.file() + ":" + l.location().line() + ":" + l.location().column();
                String pointer = f.pointer().isEmpty() ? "" : " at " + f.pointer();
                out.println(place + ": " + Reporter.name(f.level()) + " " + f.ruleId() + pointer + ": " + f.message()
                        + " (" + f.specRef() + ")");
            }
            errors += o.count(Level.ERROR);
            warnings += o.count(Level.WARNING);
            infos += o.count(Level.INFO);
        }
        int failed = outcomes.size() - checked;
        out.println(checked + (checked == 1 ? " input" : " inputs") + " checked"
                + (failed > 0 ? ", " + failed + " unreadable" : "") + ": "
                + plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(infos, "info")
                + " (failing on " + Reporter.name(threshold) + (threshold == Level.INFO ? "" : " or worse") + ")");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
