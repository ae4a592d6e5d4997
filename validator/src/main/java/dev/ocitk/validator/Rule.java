package dev.ocitk.validator;

import java.util.Objects;

/**
 * A check the validator performs, as listed in the rules catalogue ({@link OciValidator#rules()}, RULES.md).
 *
 * @param id      stable identifier that findings carry, e.g. {@code process.cwd.absolute}
 * @param level   the level of its findings
 * @param specRef spec file and GitHub heading anchor the rule comes from, e.g. {@code config.md#process}
 * @param summary one line saying what the rule expects
 */
public record Rule(String id, Level level, String specRef, String summary) {

    /** Where the spec text of the version this validator implements lives; {@link #specRef} is relative to it. */
    public static final String SPEC_BASE_URI = "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/";

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(specRef, "specRef");
        Objects.requireNonNull(summary, "summary");
    }

    /** The spec section on GitHub. */
    public String helpUri() {
        return SPEC_BASE_URI + specRef;
    }
}
