package dev.ocitk.validator.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocitk.validator.Finding;
import dev.ocitk.validator.Rule;
import dev.ocitk.validator.internal.DocumentKind;
import dev.ocitk.validator.internal.bundle.BundleFiles;
import dev.ocitk.validator.internal.version.SemVer;
import dev.ocitk.validator.internal.version.SpecVersions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a {@link RuleSet} sees: the document, its declared version and platform, the bundle on disk when linting one. */
public final class CheckContext {
    private final DocumentKind kind;
    private final JsonNode root;
    private final SemVer declared;
    private final Platform platform;
    private final BundleFiles bundle;
    private final List<Finding> findings = new ArrayList<>();

    public CheckContext(DocumentKind kind, JsonNode root, BundleFiles bundle) {
        this.kind = kind;
        this.root = root;
        this.bundle = bundle;
        this.platform = kind == DocumentKind.CONFIG ? Platform.of(root) : Platform.LINUX;
        String versionField = kind == DocumentKind.FEATURES ? "ociVersionMax" : "ociVersion";
        JsonNode v = root.isObject() ? root.get(versionField) : null;
        this.declared = v != null && v.isTextual() ? SemVer.parse(v.textValue()).orElse(null) : null;
    }

    public DocumentKind kind() {
        return kind;
    }

    /** The document root, with pointer {@code ""}. */
    public Nodes.At root() {
        return new Nodes.At(root, "");
    }

    public JsonNode rootNode() {
        return root;
    }

    public Platform platform() {
        return platform;
    }

    /** The version the document declares, when it is valid SemVer. */
    public Optional<SemVer> declaredVersion() {
        return Optional.ofNullable(declared);
    }

    /**
     * The release whose rules apply: the declared version's release (a pre-release counts as the release it leads
     * to), or {@link SpecVersions#LATEST} when the declared version is missing, invalid or newer than we know.
     */
    public SemVer rulesVersion() {
        if (declared == null || SpecVersions.LATEST.before(declared.core())) {
            return SpecVersions.LATEST;
        }
        return declared.core();
    }

    /** The bundle on disk, when linting one; absent for documents given as text. */
    public Optional<BundleFiles> bundle() {
        return Optional.ofNullable(bundle);
    }

    public void report(Rule rule, String pointer, String message) {
        findings.add(new Finding(rule.id(), rule.level(), pointer, message, rule.specRef()));
    }

    public List<Finding> findings() {
        return findings;
    }
}
