package dev.ocitk.ocirun.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ocitk.ocirun.cli.ArgParser.flag;
import static dev.ocitk.ocirun.cli.ArgParser.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgParserTest {
    static final ArgParser.Syntax CREATE = new ArgParser.Syntax("create", "", List.of(
            value("DIR", ".", "", "--bundle", "-b"), flag("", "--no-pivot"), value("N", "0", "", "--preserve-fds")),
            List.of("ID"), 1);

    @Test
    void acceptsRuncSpellings() {
        for (String[] args : List.of(
                new String[] {"--bundle", "/b", "c1"}, new String[] {"--bundle=/b", "c1"}, new String[] {"-b", "/b", "c1"},
                new String[] {"-bundle", "/b", "c1"}, new String[] {"c1", "--bundle", "/b"})) {
            ArgParser.Parsed p = ArgParser.parse(CREATE, args, 0, false, null);
            assertThat(p.value("--bundle")).as(String.join(" ", args)).isEqualTo("/b");
            assertThat(p.positional(0)).isEqualTo("c1");
        }
    }

    @Test
    void defaultsFlagsAndDoubleDash() {
        ArgParser.Parsed p = ArgParser.parse(CREATE, new String[] {"--no-pivot", "--", "-weird-id"}, 0, false, null);
        assertThat(p.flag("--no-pivot")).isTrue();
        assertThat(p.value("--bundle")).isEqualTo(".");
        assertThat(p.intValue("--preserve-fds")).isZero();
        assertThat(p.positional(0)).isEqualTo("-weird-id");
    }

    @Test
    void mistakesAreUsageErrorsWithExitCode2() {
        assertThatThrownBy(() -> ArgParser.parse(CREATE, new String[] {}, 0, false, null))
                .isInstanceOf(ArgParser.UsageException.class).hasMessage("create needs ID");
        assertThatThrownBy(() -> ArgParser.parse(CREATE, new String[] {"--nope", "c"}, 0, false, null))
                .hasMessageContaining("unknown option --nope");
        assertThatThrownBy(() -> ArgParser.parse(CREATE, new String[] {"c", "d"}, 0, false, null))
                .hasMessageContaining("unexpected argument \"d\"");
        assertThatThrownBy(() -> ArgParser.parse(CREATE, new String[] {"c", "--bundle"}, 0, false, null))
                .hasMessageContaining("--bundle needs a value");
        assertThat(new ArgParser.UsageException("x").exitCode()).isEqualTo(2);
    }

    @Test
    void globalOptionsStopAtTheVerb() {
        int[] next = new int[1];
        ArgParser.Parsed g = ArgParser.parse(Globals.SYNTAX,
                new String[] {"--root", "/r", "--log-format=json", "kill", "--all", "c"}, 0, true, next);
        assertThat(g.value("--root")).isEqualTo("/r");
        assertThat(g.value("--log-format")).isEqualTo("json");
        assertThat(next[0]).isEqualTo(3);
    }
}
