package dev.ocitk.conformance.verdict;

import java.util.Optional;

/**
 * One known deviation of a runtime version, from {@code expectations/<runtime>-<version>/<area>.yaml}.
 *
 * @param test        test ID ({@code <package below dev.ocitk.conformance>.<Class>#<method>}); empty: any test that
 *                    checks {@code requirement}
 * @param requirement catalogue ID of the requirement the runtime breaks (gives the spec anchor)
 * @param failure     text the failure message must contain for the entry to apply; empty: any failure
 * @param reason      why the runtime fails, checked against the spec text
 * @param source      file the entry came from, for messages
 */
public record BaselineEntry(Optional<String> test, String requirement, Optional<String> failure, String reason,
                            String source) {

    public boolean matchesMessage(String message) {
        return failure.map(f -> message != null && message.contains(f)).orElse(true);
    }

    public String describe() {
        return test.orElse("any test") + " breaks " + requirement + failure.map(f -> " with \"" + f + "\"").orElse("")
                + " (" + source + "): " + reason.strip();
    }
}
