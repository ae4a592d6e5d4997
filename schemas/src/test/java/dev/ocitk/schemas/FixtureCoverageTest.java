package dev.ocitk.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The valid fixtures of each document, taken together, use every property the schema defines. */
class FixtureCoverageTest {

    /** Locations a valid fixture cannot use, with the reason. */
    private static final Map<String, String> CANNOT_BE_VALID = Map.of(
            "/linux/personality/flags/*", "config-linux.md#personality defines no flag values, so any entry is unsupported");

    @ParameterizedTest(name = "{0}")
    @EnumSource(OciSchemas.Document.class)
    void validFixturesUseEveryDefinedProperty(OciSchemas.Document document) {
        Set<String> patterns = SchemaPaths.of(document.id()).keySet();
        List<String> used = Fixtures.valid(document).stream().flatMap(f -> SchemaPaths.pointers(f.json()).stream()).toList();
        List<String> unused = patterns.stream()
                .filter(p -> !CANNOT_BE_VALID.containsKey(p))
                .filter(p -> used.stream().noneMatch(u -> SchemaPaths.matches(p, u)))
                .toList();
        assertThat(unused).as("properties of %s no valid fixture uses", document).isEmpty();
    }

    @Test
    void walkerFollowsRefsAcrossFilesAndSeesMapsAndArrays() {
        Set<String> config = SchemaPaths.of(OciSchemas.Document.CONFIG.id()).keySet();
        assertThat(config).contains(
                "/process/user/uid",
                "/mounts/*/uidMappings/*/hostID",
                "/hooks/startContainer/*/timeout",
                "/annotations/*",
                "/linux/resources/blockIO/weightDevice/*/major",
                "/linux/seccomp/syscalls/*/args/*/valueTwo",
                "/windows/resources/cpu/affinity/*/group",
                "/freebsd/jail/allow/suser");
        assertThat(config).doesNotContain("/linux/intelRdt/enableCMT", "/process/args/*/x");
        assertThat(SchemaPaths.of(OciSchemas.Document.CONTAINER_PROCESS_STATE.id()).keySet()).contains("/state/annotations/*");
    }

    @Test
    void patternMatchingIsSegmentWise() throws IOException {
        assertThat(SchemaPaths.matches("/mounts/*/options/*", "/mounts/2/options/0")).isTrue();
        assertThat(SchemaPaths.matches("/mounts/*/options", "/mounts/2/options/0")).isFalse();
        assertThat(SchemaPaths.matches("/linux/sysctl/*", "/linux/sysctl/net.core.somaxconn")).isTrue();
        assertThat(SchemaPaths.matches("/linux/devices/*/path", "/linux/devices/0/type")).isFalse();
        JsonNode doc = OfflineSchemas.MAPPER.readTree("{\"a\": [{\"b/c\": 1}]}");
        assertThat(SchemaPaths.pointers(doc)).containsExactly("/a", "/a/0", "/a/0/b~1c");
    }
}
