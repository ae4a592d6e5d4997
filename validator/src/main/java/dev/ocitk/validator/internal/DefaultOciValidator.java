package dev.ocitk.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocitk.validator.Finding;
import dev.ocitk.validator.OciValidator;
import dev.ocitk.validator.Rule;
import dev.ocitk.validator.ValidationReport;
import dev.ocitk.validator.internal.bundle.BundleFiles;
import dev.ocitk.validator.internal.bundle.Rootfs;
import dev.ocitk.validator.internal.json.JsonDocument;
import dev.ocitk.validator.internal.json.JsonInput;
import dev.ocitk.validator.internal.json.JsonLocator;
import dev.ocitk.validator.internal.json.ParseFailure;
import dev.ocitk.validator.internal.json.Pointers;
import dev.ocitk.validator.internal.rules.CheckContext;
import dev.ocitk.validator.internal.rules.InputRules;
import dev.ocitk.validator.internal.rules.RuleCatalog;
import dev.ocitk.validator.internal.rules.RuleSet;
import dev.ocitk.validator.internal.rules.VersionRules;
import dev.ocitk.validator.internal.schema.SchemaValidation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The validator: read the input, validate it against its schema, then run the rule sets for its kind (and, for a
 * bundle, the rule sets that look at files).
 */
public final class DefaultOciValidator implements OciValidator {
    public static final DefaultOciValidator INSTANCE = new DefaultOciValidator();

    private static final String CONFIG_FILE = "config.json";

    private DefaultOciValidator() {
    }

    /**
     * A report plus what a caller needs to point into the source: the text it was computed from (null when the
     * input was not text) and, when the input did not parse, where it failed (null otherwise).
     */
    public record Checked(ValidationReport report, String text, JsonLocator.Location failedAt) {
    }

    @Override
    public ValidationReport validateConfig(String json) {
        return check(DocumentKind.CONFIG, "-", JsonInput.parse(json), null).report();
    }

    @Override
    public ValidationReport validateState(String json) {
        return check(DocumentKind.STATE, "-", JsonInput.parse(json), null).report();
    }

    @Override
    public ValidationReport validateFeatures(String json) {
        return check(DocumentKind.FEATURES, "-", JsonInput.parse(json), null).report();
    }

    @Override
    public ValidationReport lintBundle(Path bundleDir) {
        return lint(bundleDir).report();
    }

    /** Validates a document given as bytes (strict UTF-8), naming it {@code subject} in the report. */
    public Checked check(DocumentKind kind, String subject, byte[] bytes) {
        return check(kind, subject, JsonInput.parse(bytes), null);
    }

    /**
     * Validates a document file. Unlike {@link #lintBundle} this throws for files that cannot be read at all (missing,
     * a directory, no permission): the command line reports those as usage errors, not findings.
     */
    public Checked checkFile(DocumentKind kind, Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory (to lint a bundle: oci-validate bundle DIR)");
        }
        if (Files.isRegularFile(file) && Files.size(file) > JsonInput.MAX_BYTES) {
            return failed(file.toString(), InputRules.TOO_LARGE, "file is " + JsonInput.humanSize(Files.size(file))
                    + ", above the " + (JsonInput.MAX_BYTES >> 20) + " MiB limit");
        }
        // A bounded read also covers devices and pipes (/dev/zero, <(cmd)), whose size says nothing.
        try (InputStream in = Files.newInputStream(file)) {
            return checkStream(kind, file.toString(), in);
        }
    }

    /** Validates a document read from a stream (standard input), reading at most one byte past the size limit. */
    public Checked checkStream(DocumentKind kind, String subject, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(JsonInput.MAX_BYTES + 1);
        if (bytes.length > JsonInput.MAX_BYTES) {
            return failed(subject, InputRules.TOO_LARGE, "input is above the " + (JsonInput.MAX_BYTES >> 20) + " MiB limit");
        }
        return check(kind, subject, bytes);
    }

    /** {@link #lintBundle}, keeping the config text for locating findings. */
    public Checked lint(Path bundleDir) {
        String subject = bundleDir.toString();
        Path config = bundleDir.resolve(CONFIG_FILE);
        if (!Files.isDirectory(bundleDir)) {
            return failed(subject, InputRules.UNREADABLE, "bundle " + subject + " is not a directory");
        }
        byte[] bytes;
        try {
            // One stat answers "missing?", "regular file?" and "how large?".
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(config, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                boolean dangling = Files.exists(config, LinkOption.NOFOLLOW_LINKS);
                return dangling ? failed(subject, InputRules.UNREADABLE, CONFIG_FILE + " is a dangling symlink")
                        : failed(subject, InputRules.CONFIG_MISSING, "bundle has no " + CONFIG_FILE);
            }
            if (!attrs.isRegularFile()) {
                return failed(subject, InputRules.UNREADABLE, CONFIG_FILE + " is not a regular file");
            }
            if (attrs.size() > JsonInput.MAX_BYTES) {
                return failed(subject, InputRules.TOO_LARGE, CONFIG_FILE + " is " + JsonInput.humanSize(attrs.size())
                        + ", above the " + (JsonInput.MAX_BYTES >> 20) + " MiB limit");
            }
            try (InputStream in = Files.newInputStream(config)) {
                bytes = in.readNBytes(JsonInput.MAX_BYTES + 1);
            }
        } catch (IOException e) {
            return failed(subject, InputRules.UNREADABLE, "cannot read " + CONFIG_FILE + ": " + e.getMessage());
        }
        JsonInput.Result parsed = JsonInput.parse(bytes);
        BundleFiles bundle = parsed.ok() ? bundleFiles(bundleDir, parsed.document().root()) : null;
        return check(DocumentKind.CONFIG, subject, parsed, bundle);
    }

    private Checked check(DocumentKind kind, String subject, JsonInput.Result parsed, BundleFiles bundle) {
        if (!parsed.ok()) {
            ParseFailure f = parsed.failure();
            return new Checked(new ValidationReport(subject, List.of(toFinding(f))), parsed.text(),
                    f.line() > 0 ? new JsonLocator.Location(f.line(), f.column()) : null);
        }
        JsonDocument document = parsed.document();
        List<Finding> findings = new ArrayList<>();
        for (String duplicate : document.duplicateKeys()) {
            findings.add(finding(InputRules.DUPLICATE_KEY, duplicate, "member \""
                    + Pointers.tokens(duplicate).get(Pointers.tokens(duplicate).size() - 1)
                    + "\" appears more than once in its object; runtimes keep only the last"));
        }
        List<Finding> schemaFindings = SchemaValidation.validate(kind, document.root());
        CheckContext ctx = new CheckContext(kind, document.root(), bundle);
        for (RuleSet set : RuleCatalog.forDocument(kind)) {
            set.check(ctx);
        }
        if (bundle != null) {
            for (RuleSet set : RuleCatalog.forBundle()) {
                set.check(ctx);
            }
        }
        // A rule that explains a value better than the schema's pattern replaces the schema's finding there.
        Set<String> explained = new HashSet<>();
        for (Finding f : ctx.findings()) {
            if (f.ruleId().equals(VersionRules.SEMVER.id())) {
                explained.add(f.pointer());
            }
        }
        for (Finding f : schemaFindings) {
            if (!explained.contains(f.pointer())) {
                findings.add(f);
            }
        }
        findings.addAll(ctx.findings());
        return new Checked(new ValidationReport(subject, ordered(findings)), parsed.text(), null);
    }

    /** The bundle's files: its directory and, when root.path names an existing directory, the rootfs. */
    private static BundleFiles bundleFiles(Path bundleDir, JsonNode config) {
        // No realpath needed: rootfs resolution follows only the links below the rootfs, by itself, and the
        // kernel follows any above it, as it will for the runtime.
        Path directory = bundleDir.toAbsolutePath();
        Optional<Rootfs> rootfs = Optional.empty();
        JsonNode root = config.isObject() ? config.get("root") : null;
        JsonNode path = root != null && root.isObject() ? root.get("path") : null;
        if (path != null && path.isTextual()) {
            try {
                Path dir = directory.resolve(path.textValue());
                if (Files.isDirectory(dir)) {
                    rootfs = Optional.of(new Rootfs(dir));
                }
            } catch (InvalidPathException e) {
                // No usable rootfs: the root rules report root.path; the rootfs rules have nothing to look at.
            }
        }
        return new BundleFiles(directory, rootfs);
    }

    private static Checked failed(String subject, Rule rule, String message) {
        return new Checked(new ValidationReport(subject, List.of(finding(rule, "", message))), null, null);
    }

    private static Finding toFinding(ParseFailure failure) {
        Rule rule = switch (failure.kind()) {
            case INVALID -> InputRules.INVALID_JSON;
            case TOO_DEEP -> InputRules.TOO_DEEP;
            case TOO_LARGE -> InputRules.TOO_LARGE;
        };
        return finding(rule, "", failure.message() + failure.where());
    }

    private static Finding finding(Rule rule, String pointer, String message) {
        return new Finding(rule.id(), rule.level(), pointer, message, rule.specRef());
    }

    /** Document order of pointers (array indexes numerically), then rule ID; exact repeats dropped. */
    static List<Finding> ordered(List<Finding> findings) {
        List<Finding> unique = new ArrayList<>(new LinkedHashSet<>(findings));
        unique.sort(Comparator.comparing(Finding::pointer, DefaultOciValidator::comparePointers)
                .thenComparing(Finding::ruleId)
                .thenComparing(Finding::message));
        return unique;
    }

    private static int comparePointers(String a, String b) {
        List<String> ta = Pointers.tokens(a);
        List<String> tb = Pointers.tokens(b);
        for (int i = 0; i < Math.min(ta.size(), tb.size()); i++) {
            String x = ta.get(i);
            String y = tb.get(i);
            int c;
            if (isIndex(x) && isIndex(y)) {
                c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ta.size(), tb.size());
    }

    private static boolean isIndex(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
