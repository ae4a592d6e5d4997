package dev.ocitk.validator.internal.version;

/** The spec versions this validator knows. */
public final class SpecVersions {

    /** The version the schemas and rules implement. */
    public static final SemVer LATEST = SemVer.of("1.3.0");

    /** The first stable release; earlier drafts (0.x) differ too much to be checked against 1.x rules. */
    public static final SemVer FIRST = SemVer.of("1.0.0");

    /** createRuntime, createContainer and startContainer hooks arrived, and prestart became deprecated. */
    public static final SemVer FINER_HOOKS = SemVer.of("1.0.2");

    /** Relative mount destinations became legal on Linux (deprecated, SHOULD be absolute). */
    public static final SemVer RELATIVE_MOUNT_DESTINATIONS = SemVer.of("1.2.0");

    private SpecVersions() {
    }

    /**
     * True when {@code v} is a release or pre-release between 1.0.0 and {@link #LATEST}: a pre-release such as
     * {@code 1.0.2-dev} (what runc declares) belongs to the development of the release it precedes.
     */
    public static boolean known(SemVer v) {
        SemVer core = v.core();
        return !core.before(FIRST) && !LATEST.before(core);
    }
}
