package dev.ocitk.conformance.catalogue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecVersionTest {

    @Test
    void ordersByPrecedenceWithPreReleasesBeforeTheirRelease() {
        List<String> sorted = Stream.of("1.3.0", "1.0.2", "1.0.2-dev", "1.0.0", "1.10.0", "1.2.0-rc.10", "1.2.0-rc.2",
                        "1.2.0")
                .map(SpecVersion::parse).sorted().map(SpecVersion::toString).toList();

        assertThat(sorted).containsExactly("1.0.0", "1.0.2-dev", "1.0.2", "1.2.0-rc.2", "1.2.0-rc.10", "1.2.0",
                "1.3.0", "1.10.0");
    }

    @Test
    void ignoresBuildMetadata() {
        assertThat(SpecVersion.parse("1.1.0+dirty")).isEqualByComparingTo(SpecVersion.parse("1.1.0"));
    }

    @Test
    void newerThanIsStrict() {
        assertThat(SpecVersion.parse("1.1.0").isNewerThan(SpecVersion.parse("1.0.2-dev"))).isTrue();
        assertThat(SpecVersion.parse("1.0.2").isNewerThan(SpecVersion.parse("1.0.2"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0 x"})
    void rejectsTextThatIsNotSemVer(String text) {
        assertThatThrownBy(() -> SpecVersion.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a SemVer version");
    }
}
