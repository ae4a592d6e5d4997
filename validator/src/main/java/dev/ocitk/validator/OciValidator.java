package dev.ocitk.validator;

import java.nio.file.Path;
import java.util.List;

/**
 * Entry point of the validator library: schema plus semantic checks of OCI runtime documents.
 *
 * <p>Instances are immutable and thread-safe; create one and reuse it (schemas are compiled once).
 * No method throws for bad input: unreadable files, invalid JSON and the like come back as
 * ERROR findings with rule IDs under {@code input.*}.
 */
public interface OciValidator {

    /** A validator for spec v1.3.0 and every earlier version it knows. */
    static OciValidator create() {
        return dev.ocitk.validator.internal.DefaultOciValidator.INSTANCE;
    }

    /** Every rule this validator can report, ordered by ID: the catalogue RULES.md is generated from. */
    static List<Rule> rules() {
        return dev.ocitk.validator.internal.rules.RuleCatalog.all();
    }

    /** Validates a config.json document given as JSON text. No file-system checks (see {@link #lintBundle}). */
    ValidationReport validateConfig(String json);

    /** Validates a state document (runtime.md#state) given as JSON text. */
    ValidationReport validateState(String json);

    /** Validates a features document (features.md) given as JSON text. */
    ValidationReport validateFeatures(String json);

    /**
     * Lints a bundle directory: its config.json (as {@link #validateConfig}) plus the checks that need the
     * bundle on disk (root.path, args[0] and hook paths resolvable, bind sources, ...).
     */
    ValidationReport lintBundle(Path bundleDir);
}
