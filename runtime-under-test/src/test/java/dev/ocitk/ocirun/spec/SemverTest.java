package dev.ocitk.ocirun.spec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written SemVer check agrees with the regular expression it replaced, on valid and invalid versions. */
class SemverTest {
    private static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z.-]+))?(?:\\+([0-9A-Za-z.-]+))?$");

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "1.3.0", "0.0.0", "10.20.30", "1.0.0-rc.1", "1.0.0-rc-1+build.5", "1.0.0+20130313144700",
            "1.2.3-0123", "1.2.3--", "1.2.3-a..b", "2.0.0", "1.0.0-dev", "1.1.0+dev",
            "", "1", "1.0", "1.0.0.0", "01.0.0", "1.00.0", "1.0.01", "1.0.0-", "1.0.0+", "1.0.0-+x", "v1.0.0", "1.0.0 ",
            " 1.0.0", "1.0.0-é", "1.0.0+a_b", "1..0", "1.0.0-rc.1+", "-1.0.0", "1.0.x", "１.0.0", "1.0.0-rc+b+c"})
    void agreesWithTheSemverExpression(String v) {
        Matcher m = SEMVER.matcher(v);
        if (m.matches()) {
            assertThat(SpecValidator.semverMajor(v)).as(v).isEqualTo(m.group(1));
        } else {
            assertThat(SpecValidator.semverMajor(v)).as(v).isNull();
        }
    }
}
