package dev.ocitk.conformance.junit;

import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.BundleBuilder;
import dev.ocitk.conformance.verdict.SuiteError;
import dev.ocitk.validator.Finding;
import dev.ocitk.validator.OciValidator;
import dev.ocitk.validator.ValidationReport;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Our validator applied to what the suite generates (every config before use) and to what the runtime reports
 * (state, features). While the validator library is not implemented yet it answers
 * {@link UnsupportedOperationException}: then configs go unchecked, schema tests skip with that reason, and the
 * summary says so.
 */
final class ConfigValidation implements BundleBuilder.ConfigCheck {

    private final OciValidator validator = OciValidator.create();
    private final Optional<String> unavailable;

    ConfigValidation(String sampleConfigJson) {
        Optional<String> reason;
        try {
            validator.validateConfig(sampleConfigJson);
            reason = Optional.empty();
        } catch (UnsupportedOperationException | LinkageError e) {
            reason = Optional.of("the validator library is not available (" + e.getMessage() + ")");
        }
        this.unavailable = reason;
    }

    /** Why validation is off, or empty when it is on. */
    Optional<String> unavailableReason() {
        return unavailable;
    }

    @Override
    public void check(Bundle bundle) {
        if (unavailable.isPresent()) return;
        ValidationReport report = validator.lintBundle(bundle.dir());
        if (report.hasErrors()) {
            throw new SuiteError("the suite generated a config our validator rejects (" + bundle.configFile() + "):\n  "
                    + report.findings().stream().map(Finding::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /** The validator's report on a state document, or empty when the validator is unavailable. */
    Optional<ValidationReport> validateState(String json) {
        return unavailable.isPresent() ? Optional.empty() : Optional.of(validator.validateState(json));
    }

    Optional<ValidationReport> validateFeatures(String json) {
        return unavailable.isPresent() ? Optional.empty() : Optional.of(validator.validateFeatures(json));
    }
}
