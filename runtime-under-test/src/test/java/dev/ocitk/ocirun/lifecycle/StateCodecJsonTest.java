package dev.ocitk.ocirun.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.spec.JsonText;
import dev.ocitk.ocirun.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written state JSON must agree with a real JSON library both ways, for any string. */
class StateCodecJsonTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final String NASTY = "q\"b\\s/ n\n r\r t\t nul\0 bell\u0007 del\u007f é ✓ 😀 lone\ud800 end";
    /** Jackson refuses a lone surrogate in a member name (config.json could not have given one), so names use this. */
    private static final String NASTY_NAME = NASTY.replace("\ud800", "");

    private static String quoted(String s) {
        return JsonText.quote(new StringBuilder(), s).toString();
    }

    @Test
    void quotedStringsReadBackIdenticallyHereAndInJackson() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                sb.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
            }
            String s = sb.toString();
            String json = quoted(s);
            assertThat(JsonText.parse(json, "corrupt state.json")).as("round %d", round).isEqualTo(s);
            assertThat(JACKSON.readTree(json).textValue()).as("round %d", round).isEqualTo(s);
        }
    }

    @Test
    void parsesWhatJacksonWritesIncludingNestingNumbersAndLiterals() throws Exception {
        Map<String, Object> doc = Map.of("a", List.of(1L, -2L, 3.5, true, false, "x"), "b", Map.of("c", NASTY), "n", 9007199254740993L);
        Object parsed = JsonText.parse(JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc), "corrupt state.json");
        assertThat(parsed).isEqualTo(doc);
        Map<String, Object> withNull = new java.util.HashMap<>(Map.of("e", List.of(), "o", Map.of()));
        withNull.put("x", null);
        assertThat(JsonText.parse(" {\"x\" : null , \"e\":[ ] ,\"o\":{}}\n", "x")).isEqualTo(withNull);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1", "{\"a\" 1}", "{\"a\":1,}", "[1 2]", "{\"a\":1}x", "\"\\q\"",
            "\"\\u12\"", "\"abc", "01", "1.", "-", ".5", "1e", "+1", "{\"a\":1,\"a\":2}", "tru", "{a:1}", "\"tab\tinside\""})
    void malformedDocumentsAreCorruptState(String text) {
        assertThatThrownBy(() -> JsonText.parse(text, "corrupt state.json")).isInstanceOf(OcirunException.class)
                .hasMessageStartingWith("corrupt state.json: ");
    }

    @Test
    void numbersFollowTheRfcAndKeepUint64Range() {
        assertThat(JsonText.parse("[0, -0, 7, -12, 1.5, 1e3, -2E-2, 18446744073709551615, 9223372036854775807]", "x"))
                .isEqualTo(List.of(0L, 0L, 7L, -12L, 1.5, 1000.0, -0.02, new java.math.BigInteger("18446744073709551615"),
                        Long.MAX_VALUE));
    }

    @Test
    void nestingIsBounded() {
        assertThat(JsonText.parse("[".repeat(1000) + "]".repeat(1000), "x")).isInstanceOf(List.class);
        assertThatThrownBy(() -> JsonText.parse("[".repeat(1001) + "]".repeat(1001), "invalid init config"))
                .isInstanceOf(OcirunException.class).hasMessageStartingWith("invalid init config: nested deeper than 1000");
    }

    @Test
    void internalStateWithAwkwardStringsRoundTripsAndIsValidJson() throws Exception {
        ContainerState s = new ContainerState("c1", "/b/" + NASTY, "/b/rootfs", 42, 1L << 40, ContainerStatus.RUNNING,
                "2024-01-01T00:00:00Z", Map.of(NASTY_NAME, NASTY, "k", ""), false, List.of(), List.of("/x", NASTY),
                List.of(new Spec.Hook(NASTY, List.of(), List.of(NASTY), 0)), List.of());
        byte[] bytes = StateCodec.encode(s);
        assertThat(StateCodec.decode(bytes)).isEqualTo(s);
        JsonNode tree = JACKSON.readTree(bytes);
        assertThat(tree.get("bundle").textValue()).isEqualTo(s.bundle());
        assertThat(tree.get("annotations").get(NASTY_NAME).textValue()).isEqualTo(NASTY);
        assertThat(tree.get("pidStartTime").longValue()).isEqualTo(1L << 40);
    }

    @Test
    void specStateWithAwkwardAnnotationsIsValidJsonWithTheSameValues() throws Exception {
        for (boolean pretty : new boolean[] {true, false}) {
            JsonNode tree = JACKSON.readTree(StateCodec.specState("c1", ContainerStatus.RUNNING, 7, NASTY,
                    Map.of(NASTY_NAME, NASTY), pretty));
            assertThat(tree.get("bundle").textValue()).isEqualTo(NASTY);
            assertThat(tree.get("annotations").get(NASTY_NAME).textValue()).isEqualTo(NASTY);
            assertThat(tree.get("pid").intValue()).isEqualTo(7);
        }
    }

    @Test
    void prettyOutputIsIndentedLikeRuncs() {
        assertThat(StateCodec.specState("c1", ContainerStatus.CREATED, 7, "/b", Map.of("a", "b"), true)).isEqualTo("""
                {
                  "ociVersion": "1.3.0",
                  "id": "c1",
                  "status": "created",
                  "pid": 7,
                  "bundle": "/b",
                  "annotations": {
                    "a": "b"
                  }
                }""");
        assertThat(StateCodec.specState("c1", ContainerStatus.STOPPED, 7, "/b", Map.of(), false))
                .isEqualTo("{\"ociVersion\":\"1.3.0\",\"id\":\"c1\",\"status\":\"stopped\",\"bundle\":\"/b\"}");
    }

    @Test
    void wrongTypesInStateFileAreCorruptState() {
        for (String doc : List.of("[]", "{\"bundle\":\"/b\"}", "{\"id\":1,\"bundle\":\"/b\"}",
                "{\"id\":\"c\",\"bundle\":\"/b\",\"pid\":\"7\"}", "{\"id\":\"c\",\"bundle\":\"/b\",\"cgroupDirs\":[1]}")) {
            assertThatThrownBy(() -> StateCodec.decode(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .as(doc).isInstanceOf(OcirunException.class).hasMessageStartingWith("corrupt state.json: ");
        }
    }
}
