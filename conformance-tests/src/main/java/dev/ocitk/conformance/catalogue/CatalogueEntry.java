package dev.ocitk.conformance.catalogue;

import java.util.Objects;

/**
 * One testable requirement of the spec.
 *
 * @param id        stable ID, {@code <area>.<subject>.<rule>}, e.g. {@code runtime.delete.not-stopped-error}
 * @param area      the catalogue file it comes from ({@code runtime} for {@code requirements/runtime.yaml})
 * @param level     RFC 2119 strength as the spec states it
 * @param spec      spec file and GitHub heading anchor, e.g. {@code runtime.md#delete}
 * @param since     first spec version with this requirement in its current form
 * @param summary   our own paraphrase of the clause (never the spec's sentence)
 * @param ambiguous true when the spec text allows more than one reading: tests only record observations
 */
public record CatalogueEntry(String id, String area, RequirementLevel level, String spec, SpecVersion since,
                             String summary, boolean ambiguous) {
    public CatalogueEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(summary, "summary");
    }

    /** The spec file part of {@link #spec()}, e.g. {@code runtime.md}. */
    public String specFile() {
        return spec.substring(0, spec.indexOf('#'));
    }

    /** The anchor part of {@link #spec()}, e.g. {@code delete}. */
    public String anchor() {
        return spec.substring(spec.indexOf('#') + 1);
    }

    /** Link into the v1.3.0 spec on GitHub. */
    public String specUrl() {
        return "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/" + specFile() + "#" + anchor();
    }
}
