package dev.ocitk.conformance.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocitk.conformance.catalogue.SpecVersion;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the suite learned about the runtime before the first test: its name and version (from {@code --version}),
 * its features document if it has one, and the spec version the suite writes into configs and judges against.
 *
 * @param name             label for reports and baseline lookup, e.g. {@code runc}
 * @param version          the runtime's own version, e.g. {@code 1.1.5}; {@code unknown} if not printed
 * @param versionText      the first line of {@code --version}
 * @param features         the {@code features} output when the runtime has that command
 * @param ociVersion       the spec version used
 * @param ociVersionSource where {@link #ociVersion} came from, for the summary
 */
public record RuntimeInfo(String name, String version, String versionText, Optional<String> features,
                          SpecVersion ociVersion, String ociVersionSource) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION = Pattern.compile("version\\s+v?(\\d+(?:\\.\\d+)*)");
    private static final Pattern SPEC_LINE = Pattern.compile("(?m)^spec:\\s*(\\S+)");

    /** The baseline directory name for this runtime: {@code <name>-<version>}. */
    public String baselineName() {
        return name + "-" + version;
    }

    /** Asks the runtime; throws {@link IllegalStateException} with a one-line reason when it cannot be used. */
    public static RuntimeInfo detect(RuntimeClient client, RuntimeSettings settings) {
        CommandResult v = client.version();
        if (!v.succeeded()) {
            throw new IllegalStateException("the runtime does not answer --version:\n" + v.describe());
        }
        String firstLine = v.stdout().lines().findFirst().orElse("").trim();
        String name = settings.name().orElseGet(() -> firstLine.isEmpty() ? client.binary().getFileName().toString()
                : firstLine.split("\\s+")[0]);
        Matcher vm = VERSION.matcher(firstLine);
        String version = vm.find() ? vm.group(1) : "unknown";

        CommandResult f = client.features();
        Optional<String> features = Optional.empty();
        Optional<String> maxFromFeatures = Optional.empty();
        if (f.succeeded()) {
            features = Optional.of(f.stdout());
            try {
                JsonNode max = JSON.readTree(f.stdout()).get("ociVersionMax");
                if (max != null && max.isTextual()) maxFromFeatures = Optional.of(max.asText());
            } catch (Exception notJson) {
                // reported by the features tests; the version falls back to the other sources
            }
        }
        Matcher spec = SPEC_LINE.matcher(v.stdout());

        String chosen;
        String source;
        if (settings.ociVersion().isPresent()) {
            chosen = settings.ociVersion().get();
            source = "-Druntime.ociVersion";
        } else if (maxFromFeatures.isPresent()) {
            chosen = maxFromFeatures.get();
            source = "features ociVersionMax";
        } else if (spec.find()) {
            chosen = spec.group(1);
            source = "`--version` spec line";
        } else {
            throw new IllegalStateException("cannot tell which spec version " + client.binary() + " implements: it has no"
                    + " `features` command and `--version` prints no `spec:` line; set -Druntime.ociVersion=X.Y.Z");
        }
        SpecVersion ociVersion;
        try {
            ociVersion = SpecVersion.parse(chosen);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("spec version from " + source + " is not usable: " + e.getMessage());
        }
        return new RuntimeInfo(name, version, firstLine, features, ociVersion, source);
    }
}
