package dev.ocitk.validator.internal;

import dev.ocitk.schemas.OciSchemas;

/** The three documents of the spec the validator checks. */
public enum DocumentKind {
    CONFIG(OciSchemas.Document.CONFIG, "config.md#configuration"),
    STATE(OciSchemas.Document.STATE, "runtime.md#state"),
    FEATURES(OciSchemas.Document.FEATURES, "features.md#features-structure");

    private final OciSchemas.Document schema;
    private final String specRef;

    DocumentKind(OciSchemas.Document schema, String specRef) {
        this.schema = schema;
        this.specRef = specRef;
    }

    public OciSchemas.Document schema() {
        return schema;
    }

    /** The spec section that defines the whole document. */
    public String specRef() {
        return specRef;
    }
}
