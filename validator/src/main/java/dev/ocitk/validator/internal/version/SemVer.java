package dev.ocitk.validator.internal.version;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SemVer 2.0.0 version (semver.org), compared by precedence: build metadata is ignored, a pre-release sorts
 * before its release, and pre-release identifiers compare numerically when both are numeric.
 */
public record SemVer(BigInteger major, BigInteger minor, BigInteger patch, List<String> preRelease, String build)
        implements Comparable<SemVer> {

    // The grammar from semver.org: no leading zeros in numeric parts, identifiers of [0-9A-Za-z-].
    private static final Pattern GRAMMAR = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    public SemVer {
        preRelease = List.copyOf(preRelease);
    }

    public static Optional<SemVer> parse(String text) {
        if (text == null || text.length() > 256) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return Optional.of(new SemVer(new BigInteger(m.group(1)), new BigInteger(m.group(2)),
                new BigInteger(m.group(3)), pre, m.group(5)));
    }

    /** Parses a version known to be valid (constants in code). */
    public static SemVer of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not SemVer: " + text));
    }

    /** The same major.minor.patch without pre-release or build: the release this version leads up to. */
    public SemVer core() {
        return preRelease.isEmpty() && build == null ? this : new SemVer(major, minor, patch, List.of(), null);
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    public boolean before(SemVer other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(SemVer o) {
        int c = major.compareTo(o.major);
        if (c == 0) {
            c = minor.compareTo(o.minor);
        }
        if (c == 0) {
            c = patch.compareTo(o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), o.preRelease.size()); i++) {
            c = compareIdentifiers(preRelease.get(i), o.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), o.preRelease.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean numA = a.chars().allMatch(Character::isDigit);
        boolean numB = b.chars().allMatch(Character::isDigit);
        if (numA && numB) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (numA != numB) {
            return numA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!preRelease.isEmpty()) {
            s.append('-').append(String.join(".", preRelease));
        }
        if (build != null) {
            s.append('+').append(build);
        }
        return s.toString();
    }
}
