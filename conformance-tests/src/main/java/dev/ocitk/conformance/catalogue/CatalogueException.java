package dev.ocitk.conformance.catalogue;

import java.util.List;

/** The requirement catalogue (or a file that refers to it) is inconsistent: a suite bug, never a runtime verdict. */
public final class CatalogueException extends RuntimeException {
    private final List<String> problems;

    public CatalogueException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in the requirement catalogue:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
