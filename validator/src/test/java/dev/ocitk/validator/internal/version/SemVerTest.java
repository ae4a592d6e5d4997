package dev.ocitk.validator.internal.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SemVerTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "1.0.2-dev", "1.1.0-rc.1", "0.1.0", "1.3.0+build.5", "10.20.30-alpha.1+x"})
    void acceptsSemVer(String v) {
        assertThat(SemVer.parse(v)).isPresent().get().hasToString(v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "v1.0.0", "1.0.0-", "01.0.0", "1.0.0-01", "1.0.0 ", "", "1.0.0+", "1..0"})
    void rejectsAnythingElse(String v) {
        assertThat(SemVer.parse(v)).isEmpty();
    }

    @Test
    void ordersByPrecedence() {
        // The ordering example of semver.org, section 11.
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.2-dev", "1.0.2", "1.10.0");
        List<String> shuffled = new java.util.ArrayList<>(ordered);
        java.util.Collections.reverse(shuffled);
        assertThat(shuffled.stream().map(SemVer::of).sorted().map(SemVer::toString)).containsExactlyElementsOf(ordered);
        assertThat(SemVer.of("1.0.0+a").compareTo(SemVer.of("1.0.0+b"))).isZero();
    }

    @Test
    void knownVersionsAreTheOnesUpToLatest() {
        assertThat(Stream.of("1.0.0", "1.0.2-dev", "1.2.1", "1.3.0", "1.3.0-rc.1").map(SemVer::of))
                .allMatch(SpecVersions::known);
        assertThat(Stream.of("0.5.0", "1.3.1", "1.4.0", "2.0.0", "1.4.0-rc.1").map(SemVer::of))
                .noneMatch(SpecVersions::known);
    }
}
