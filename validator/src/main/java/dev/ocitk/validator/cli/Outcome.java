package dev.ocitk.validator.cli;

import dev.ocitk.validator.Finding;
import dev.ocitk.validator.Level;
import dev.ocitk.validator.internal.DefaultOciValidator;
import dev.ocitk.validator.internal.json.JsonLocator;
import dev.ocitk.validator.internal.json.Pointers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened to one input on the command line: either it was checked (findings, each with its place in the
 * file when known) or it could not be read ({@code error}).
 *
 * @param input    the argument as given
 * @param file     the file the findings point into, as displayed (a bundle's config.json; "-" for stdin)
 * @param findings the findings with their locations (empty when {@code error} is set)
 * @param error    why the input could not be read, or null
 */
record Outcome(String input, String file, List<Located> findings, String error) {

    /** A finding and where it is in {@link #file}, when known. */
    record Located(Finding finding, JsonLocator.Location location) {
    }

    static Outcome failed(String input, String error) {
        return new Outcome(input, input, List.of(), error);
    }

    static Outcome of(String input, String file, DefaultOciValidator.Checked checked) {
        List<Finding> findings = checked.report().findings();
        List<Located> located = new ArrayList<>(findings.size());
        Map<String, JsonLocator.Location> places = Map.of();
        if (checked.text() != null && !findings.isEmpty()) {
            Set<String> wanted = new HashSet<>();
            for (Finding f : findings) {
                for (String p = f.pointer(); ; p = Pointers.parent(p)) {
                    wanted.add(p);
                    if (p.isEmpty()) {
                        break;
                    }
                }
            }
            places = JsonLocator.locate(checked.text(), wanted);
        }
        for (Finding f : findings) {
            JsonLocator.Location at = null;
            if (checked.failedAt() != null) {
                at = checked.failedAt();
            } else {
                for (String p = f.pointer(); at == null; p = Pointers.parent(p)) {
                    at = places.get(p);
                    if (p.isEmpty()) {
                        break;
                    }
                }
            }
            located.add(new Located(f, at));
        }
        // File order reads best; findings without a place (about the whole input) come first. The sort is stable,
        // so findings at one place keep the library's order.
        located.sort(Comparator.comparing(Located::location,
                Comparator.nullsFirst(Comparator.comparingLong(JsonLocator.Location::line)
                        .thenComparingLong(JsonLocator.Location::column))));
        return new Outcome(input, file, located, null);
    }

    boolean reaches(Level threshold) {
        return findings.stream().anyMatch(l -> l.finding().level().atLeast(threshold));
    }

    long count(Level level) {
        return findings.stream().filter(l -> l.finding().level() == level).count();
    }
}
