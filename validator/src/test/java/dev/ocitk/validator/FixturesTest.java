package dev.ocitk.validator;

import dev.ocitk.validator.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Our fixture for every platform section (and state and features documents) is clean: no finding at all. */
class FixturesTest {

    private final OciValidator validator = OciValidator.create();

    @ParameterizedTest
    @ValueSource(strings = {"linux", "linux-full", "minimal", "windows", "windows-hyperv", "vm", "solaris", "zos", "freebsd"})
    void platformFixturesAreClean(String name) {
        assertThat(validator.validateConfig(Fixtures.text("config/" + name)).findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"running", "stopped", "creating"})
    void stateFixturesAreClean(String name) {
        assertThat(validator.validateState(Fixtures.text("state/" + name)).findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"full"})
    void featuresFixturesAreClean(String name) {
        assertThat(validator.validateFeatures(Fixtures.text("features/" + name)).findings()).isEmpty();
    }

    /** Captured from runc 1.1.5 (Debian 12), so this runs where runc is not installed too. */
    @org.junit.jupiter.api.Test
    void runcFeaturesOutputOnlyPredatesItsFormat() {
        assertThat(validator.validateFeatures(Fixtures.text("features/runc-1.1.5")).findings())
                .extracting(Finding::ruleId, Finding::pointer)
                .containsExactly(org.assertj.core.api.Assertions.tuple("version.field-newer", ""));
    }
}
