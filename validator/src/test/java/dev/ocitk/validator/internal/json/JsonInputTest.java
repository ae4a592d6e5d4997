package dev.ocitk.validator.internal.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class JsonInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing comma | '{\"a\": 1\n \"b\": 2}' | 2 | 2",
            "unclosed object | '{\"a\": [1, 2]' | 1 | 13",
            "trailing data | '{} {}' | 1 | 4",
            "comment | '// hi\n{}' | 1 | 1",
            "single quotes | '{''a'': 1}' | 1 | 2",
    })
    void syntaxErrorsNameTheirPlace(String name, String text, long line, long column) {
        ParseFailure f = JsonInput.parse(text).failure();
        assertThat(f).isNotNull();
        assertThat(f.kind()).isEqualTo(ParseFailure.Kind.INVALID);
        assertThat(f.line()).isEqualTo(line);
        assertThat(f.column()).isEqualTo(column);
        assertThat(f.message()).doesNotContain("\n").doesNotContain("Source:");
    }

    @Test
    void emptyTextIsInvalid() {
        assertThat(JsonInput.parse("").failure().message()).contains("empty");
        assertThat(JsonInput.parse("  \n ").failure().kind()).isEqualTo(ParseFailure.Kind.INVALID);
    }

    @Test
    void invalidUtf8IsReportedAtItsByte() {
        byte[] bytes = "{\n  \"a\": \"xx\"}".getBytes(StandardCharsets.UTF_8);
        bytes[9] = (byte) 0xff;
        ParseFailure f = JsonInput.parse(bytes).failure();
        assertThat(f.kind()).isEqualTo(ParseFailure.Kind.INVALID);
        assertThat(f.message()).contains("not UTF-8").contains("0xff");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.column()).isEqualTo(8);
    }

    @Test
    void byteOrderMarkIsRejected() {
        byte[] bytes = "\uFEFF{}".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonInput.parse(bytes).failure().message()).contains("byte order mark");
    }

    @Test
    void binaryGarbageIsInvalidNotAnException() {
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        assertThat(JsonInput.parse(garbage).failure().kind()).isEqualTo(ParseFailure.Kind.INVALID);
    }

    @Test
    void hundredThousandLevelsOfNestingStopCleanly() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        ParseFailure f = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> JsonInput.parse(deep).failure());
        assertThat(f.kind()).isEqualTo(ParseFailure.Kind.TOO_DEEP);
        assertThat(f.line()).isEqualTo(1);
        assertThat(f.column()).isEqualTo(JsonInput.MAX_DEPTH + 1);
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        int depth = JsonInput.MAX_DEPTH;
        String text = "{\"a\":".repeat(depth - 1) + "[]" + "}".repeat(depth - 1);
        assertThat(JsonInput.parse(text).ok()).isTrue();
        String deeper = "{\"a\":".repeat(depth) + "[]" + "}".repeat(depth);
        assertThat(JsonInput.parse(deeper).failure().kind()).isEqualTo(ParseFailure.Kind.TOO_DEEP);
    }

    @Test
    void oversizedInputIsRefusedWithoutParsing() {
        byte[] big = new byte[JsonInput.MAX_BYTES + 1];
        ParseFailure f = JsonInput.parse(big).failure();
        assertThat(f.kind()).isEqualTo(ParseFailure.Kind.TOO_LARGE);
        assertThat(f.message()).contains("16 MiB");
    }

    @Test
    void duplicateMembersAreKeptLastAndReported() {
        JsonInput.Result r = JsonInput.parse("{\"a\": {\"b~/c\": 1, \"b~/c\": 2}, \"x\": [1, {\"y\": 1, \"y\": 3}]}");
        assertThat(r.ok()).isTrue();
        assertThat(r.document().duplicateKeys()).containsExactly("/a/b~0~1c", "/x/1/y");
        assertThat(r.document().root().at("/x/1/y").intValue()).isEqualTo(3);
    }

    @Test
    void numbersKeepTheirRange() {
        JsonInput.Result r = JsonInput.parse("{\"u64\": 18446744073709551615, \"neg\": -1, \"big\": 1e400}");
        assertThat(r.document().root().get("u64").bigIntegerValue().toString()).isEqualTo("18446744073709551615");
        assertThat(r.document().root().get("neg").longValue()).isEqualTo(-1);
        assertThat(r.document().root().get("big").isBigDecimal()).isTrue();
    }
}
