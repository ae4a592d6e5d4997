package dev.ocitk.conformance.catalogue;

/**
 * RFC 2119 strength of a requirement. Only a missed {@link #MUST} fails the build by default; a missed
 * {@link #SHOULD} is a warning unless the run is strict, and a {@link #MAY} is only ever observed.
 */
public enum RequirementLevel {
    MUST,
    SHOULD,
    MAY;

    /** True when a miss of this level fails the build in a non-strict run. */
    public boolean failsBuild() {
        return this == MUST;
    }
}
