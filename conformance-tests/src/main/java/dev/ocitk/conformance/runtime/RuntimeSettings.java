package dev.ocitk.conformance.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the suite is pointed at a runtime, read from JUnit configuration parameters (which fall back to system
 * properties, so {@code -Druntime=...} on the Maven command line works). Blank values count as unset.
 *
 * @param binary          {@code runtime}: the runtime executable
 * @param globalArgs      {@code runtime.args}: extra global flags placed before the verb
 * @param name            {@code runtime.name}: label for reports and the baseline directory; empty to detect
 * @param ociVersion      {@code runtime.ociVersion}: spec version to write into configs and judge against
 * @param mountNamespace  {@code runtime.mountNamespace}: mount namespace file the runtime runs in, if not the host's
 * @param callTimeout     {@code runtime.timeout}: deadline for each runtime call (e.g. {@code 20s}, {@code 500ms})
 * @param expectations    {@code expectations}: baseline directory, {@code none}, or empty to pick by name and version
 * @param expectationsRoot {@code expectations.root}: where baseline directories live
 * @param strict          {@code strict}: SHOULD misses and newer-than-declared misses fail too
 * @param workBase        {@code conformance.workDir}: parent of the per-run scratch directory
 * @param reportDir       {@code conformance.reportDir}: where the summary and results.json go
 */
public record RuntimeSettings(Path binary, List<String> globalArgs, Optional<String> name, Optional<String> ociVersion,
                              Optional<Path> mountNamespace, Duration callTimeout, Optional<String> expectations,
                              Path expectationsRoot, boolean strict, Path workBase, Path reportDir) {

    public static final String DEFAULT_RUNTIME = "/usr/bin/runc";

    public RuntimeSettings {
        globalArgs = List.copyOf(globalArgs);
    }

    public static RuntimeSettings from(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> get = key -> config.apply(key).map(String::trim).filter(s -> !s.isEmpty());
        return new RuntimeSettings(
                Path.of(get.apply("runtime").orElse(DEFAULT_RUNTIME)).toAbsolutePath().normalize(),
                get.apply("runtime.args").map(s -> Arrays.asList(s.split("\\s+"))).orElse(List.of()),
                get.apply("runtime.name"),
                get.apply("runtime.ociVersion"),
                get.apply("runtime.mountNamespace").map(Path::of),
                parseDuration(get.apply("runtime.timeout").orElse("20s")),
                get.apply("expectations"),
                Path.of(get.apply("expectations.root").orElse("expectations")).toAbsolutePath(),
                get.apply("strict").map(Boolean::parseBoolean).orElse(false),
                Path.of(get.apply("conformance.workDir").orElse(System.getProperty("java.io.tmpdir"))),
                Path.of(get.apply("conformance.reportDir").orElse("target/conformance")).toAbsolutePath());
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)?");

    /** Parses {@code 250ms}, {@code 20s}, {@code 2m}; a bare number is seconds. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("runtime.timeout: expected e.g. 20s or 500ms, found '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
