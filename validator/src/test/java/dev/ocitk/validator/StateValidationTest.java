package dev.ocitk.validator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StateValidationTest {

    private final OciValidator validator = OciValidator.create();

    private static String state(String status, String pidMember) {
        return """
                {"ociVersion": "1.3.0", "id": "c1", "status": "%s",%s "bundle": "/run/bundles/c1",
                 "annotations": {"com.example.key": "v"}}""".formatted(status, pidMember);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "creating|",
            "created| \"pid\": 4422,",
            "running| \"pid\": 1,",
            "stopped|",
            "stopped| \"pid\": 0,"})
    void statesOfEveryStatusAreClean(String status, String pid) {
        assertThat(validator.validateState(state(status, pid == null ? "" : pid)).findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"created", "running"})
    void pidIsRequiredOnceTheProcessExists(String status) {
        assertThat(validator.validateState(state(status, "")).findings())
                .extracting(Finding::ruleId, Finding::pointer, Finding::level)
                .containsExactly(tuple("state.pid.required", "", Level.ERROR));
    }

    @org.junit.jupiter.api.Test
    void pidMustNameAProcess() {
        assertThat(validator.validateState(state("running", " \"pid\": 0,")).findings())
                .extracting(Finding::ruleId, Finding::pointer)
                .containsExactly(tuple("state.pid.positive", "/pid"));
        // A negative pid is also the schema's (non-negative integer).
        assertThat(validator.validateState(state("running", " \"pid\": -5,")).findings())
                .extracting(Finding::ruleId, Finding::pointer)
                .containsExactlyInAnyOrder(tuple("state.pid.positive", "/pid"), tuple("schema.minimum", "/pid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"paused", "Running", ""})
    void statusesBeyondTheFourAreWarnings(String status) {
        assertThat(validator.validateState(state(status, "")).findings())
                .extracting(Finding::ruleId, Finding::level)
                .containsExactly(tuple("state.status.unknown", Level.WARNING));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bundles/c1", "./c1", ""})
    void bundleMustBeAbsolute(String bundle) {
        String doc = state("stopped", "").replace("/run/bundles/c1", bundle);
        assertThat(validator.validateState(doc).findings())
                .extracting(Finding::ruleId, Finding::pointer)
                .containsExactly(tuple("state.bundle.absolute", "/bundle"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.0 | version.semver | ERROR",
            "v1.3.0 | version.semver | ERROR",
            "2.0.0 | version.unknown | WARNING",
            "0.2.0 | version.unknown | WARNING"})
    void versionMustBeSemVerAndKnown(String version, String rule, Level level) {
        String doc = state("stopped", "").replace("1.3.0", version);
        assertThat(validator.validateState(doc).findings())
                .extracting(Finding::ruleId, Finding::pointer, Finding::level)
                .containsExactly(tuple(rule, "/ociVersion", level));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'\"id\": \"c1\",' | '' | schema.required | ''",
            "'\"id\": \"c1\"' | '\"id\": 7' | schema.type | /id",
            "'\"com.example.key\": \"v\"' | '\"com.example.key\": 1' | schema.type | /annotations/com.example.key"})
    void schemaFindingsCarryTheirKeywordAndPointer(String from, String to, String rule, String pointer) {
        String doc = state("stopped", "").replace(from, to);
        assertThat(validator.validateState(doc).findings())
                .extracting(Finding::ruleId, Finding::pointer, Finding::specRef)
                .contains(tuple(rule, pointer, "runtime.md#state"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "org.opencontainers.custom | annotations.reserved-key | ERROR",
            "myKey | annotations.reverse-domain | WARNING"})
    void stateAnnotationsFollowTheConfigConventions(String key, String rule, Level level) {
        String doc = state("stopped", "").replace("com.example.key", key);
        assertThat(validator.validateState(doc).findings())
                .extracting(Finding::ruleId, Finding::pointer, Finding::level)
                .containsExactly(tuple(rule, "/annotations/" + key, level));
    }
}
