package dev.ocitk.validator.internal;

import dev.ocitk.validator.OciValidator;
import dev.ocitk.validator.ValidationReport;

import java.nio.file.Path;
import java.util.List;

/** Placeholder wiring; the schema and rule engines replace it. */
public final class DefaultOciValidator implements OciValidator {
    public static final DefaultOciValidator INSTANCE = new DefaultOciValidator();

    private DefaultOciValidator() {
    }

    @Override
    public ValidationReport validateConfig(String json) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public ValidationReport validateState(String json) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public ValidationReport validateFeatures(String json) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public ValidationReport lintBundle(Path bundleDir) {
        return new ValidationReport(bundleDir.toString(), List.of());
    }
}
