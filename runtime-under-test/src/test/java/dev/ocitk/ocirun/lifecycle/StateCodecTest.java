package dev.ocitk.ocirun.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocitk.ocirun.spec.Spec;
import dev.ocitk.validator.OciValidator;
import dev.ocitk.validator.ValidationReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StateCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ContainerState sample() {
        return new ContainerState("c1", "/b", "/b/rootfs", 42, 12345L, ContainerStatus.CREATED, "2024-01-01T00:00:00Z",
                Map.of("k", "v \"quoted\"\n"), true, List.of("/sys/fs/cgroup/pids/c1"), List.of("/sys/fs/cgroup/pids/c1"),
                List.of(new Spec.Hook("/bin/true", List.of("true", "x"), List.of("A=1"), 3)),
                List.of(new Spec.Hook("/bin/false", null, null, null)));
    }

    @Test
    void internalStateRoundTrips() {
        ContainerState s = sample();
        assertThat(StateCodec.decode(StateCodec.encode(s))).isEqualTo(s);
    }

    @Test
    void specStateHasTheRequiredFieldsAndPidOnlyWhenLive() throws Exception {
        JsonNode created = JSON.readTree(StateCodec.specState("c1", ContainerStatus.CREATED, 42, "/b", Map.of("a", "b"), true));
        assertThat(created.get("ociVersion").asText()).isEqualTo("1.3.0");
        assertThat(created.get("id").asText()).isEqualTo("c1");
        assertThat(created.get("status").asText()).isEqualTo("created");
        assertThat(created.get("pid").asInt()).isEqualTo(42);
        assertThat(created.get("bundle").asText()).isEqualTo("/b");
        assertThat(created.get("annotations").get("a").asText()).isEqualTo("b");
        JsonNode stopped = JSON.readTree(StateCodec.specState("c1", ContainerStatus.STOPPED, 42, "/b", Map.of(), false));
        assertThat(stopped.has("pid")).isFalse();
        assertThat(stopped.has("annotations")).isFalse();
    }

    @Test
    void everyStatusProducesAStateTheValidatorAccepts() {
        for (ContainerStatus st : ContainerStatus.values()) {
            String json = StateCodec.specState("c1", st, st.hasPid() ? 42 : 0, "/b", Map.of("a", "b"), true);
            ValidationReport report = OciValidator.create().validateState(json);
            assertThat(report.hasErrors()).as(st + ": " + report).isFalse();
        }
    }
}
