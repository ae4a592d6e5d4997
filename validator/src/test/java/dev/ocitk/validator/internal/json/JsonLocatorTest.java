package dev.ocitk.validator.internal.json;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLocatorTest {

    private static final String TEXT = """
            {
              "process": {
                "args": ["sh", "-c"],
                "cwd": "/"
              },
              "a/b": {"~x": true}
            }
            """;

    @Test
    void membersAreLocatedAtTheirNameAndElementsAtTheirValue() {
        Map<String, JsonLocator.Location> found = JsonLocator.locate(TEXT,
                List.of("", "/process", "/process/cwd", "/process/args/1", "/a~1b/~0x"));
        assertThat(found).containsEntry("", new JsonLocator.Location(1, 1))
                .containsEntry("/process", new JsonLocator.Location(2, 3))
                .containsEntry("/process/args/1", new JsonLocator.Location(3, 20))
                .containsEntry("/process/cwd", new JsonLocator.Location(4, 5))
                .containsEntry("/a~1b/~0x", new JsonLocator.Location(6, 11));
    }

    @Test
    void pointersThatDoNotResolveAreLeftOut() {
        assertThat(JsonLocator.locate(TEXT, List.of("/nope", "/process/args/7"))).isEmpty();
    }

    @Test
    void brokenTextYieldsWhatWasFoundBeforeTheError() {
        assertThat(JsonLocator.locate("{\"a\": 1, \"b\": ", List.of("/a", "/b"))).containsOnlyKeys("/a");
    }
}
