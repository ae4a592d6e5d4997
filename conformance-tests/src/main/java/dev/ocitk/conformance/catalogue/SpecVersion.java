package dev.ocitk.conformance.catalogue;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A runtime-spec version such as {@code 1.0.2-dev} or {@code 1.3.0}, ordered by SemVer 2.0 precedence
 * (a pre-release sorts before its release: {@code 1.0.2-dev < 1.0.2}). Build metadata is ignored.
 */
public record SpecVersion(int major, int minor, int patch, String preRelease) implements Comparable<SpecVersion> {

    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

    public SpecVersion {
        Objects.requireNonNull(preRelease, "preRelease");
    }

    /** Parses a SemVer string; throws {@link IllegalArgumentException} naming the bad text. */
    public static SpecVersion parse(String text) {
        Matcher m = SEMVER.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a SemVer version: '" + text + "'");
        }
        return new SpecVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(4) == null ? "" : m.group(4));
    }

    public boolean isNewerThan(SpecVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(SpecVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) c = Integer.compare(minor, o.minor);
        if (c == 0) c = Integer.compare(patch, o.patch);
        if (c != 0) return c;
        if (preRelease.equals(o.preRelease)) return 0;
        if (preRelease.isEmpty()) return 1;
        if (o.preRelease.isEmpty()) return -1;
        return comparePreRelease(preRelease, o.preRelease);
    }

    private static int comparePreRelease(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xNum = x[i].matches("\\d+");
            boolean yNum = y[i].matches("\\d+");
            int c;
            if (xNum && yNum) c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            else if (xNum) c = -1;
            else if (yNum) c = 1;
            else c = x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
    }
}
