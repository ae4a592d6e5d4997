package dev.ocitk.conformance.verdict;

import dev.ocitk.conformance.catalogue.RequirementCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTest {

    @TempDir
    Path dir;

    private final RequirementCatalogue catalogue = RequirementCatalogue.load(getClass().getClassLoader());

    @Test
    void reportsEveryBadEntry() throws IOException {
        Files.writeString(dir.resolve("runtime.yaml"), """
                deviations:
                  - test: lifecycle.NoSuchIT#x
                    requirement: runtime.delete.not-stopped-error
                    reason: r
                  - test: lifecycle.DeleteIT#noSuchMethod
                    requirement: runtime.delete.not-stopped-error
                    reason: r
                  - test: lifecycle.DeleteIT#deleteOfUnknownContainerIsAnError
                    requirement: runtime.kill.sends-signal
                    reason: r
                  - requirement: runtime.no.such
                    reason: r
                  - requirement: runtime.kill.sends-signal
                    reason: r
                  - test: lifecycle.DeleteIT#deleteOfUnknownContainerIsAnError
                    requirement: runtime.delete.not-stopped-error
                    why: typo
                """);

        assertThatThrownBy(() -> Baseline.load(dir, catalogue, getClass().getClassLoader()))
                .isInstanceOf(SuiteError.class)
                .hasMessageContaining("test class dev.ocitk.conformance.lifecycle.NoSuchIT does not exist")
                .hasMessageContaining("DeleteIT has no method noSuchMethod")
                .hasMessageContaining("does not declare @Requirement(\"runtime.kill.sends-signal\")")
                .hasMessageContaining("requirement 'runtime.no.such' is not in the catalogue")
                .hasMessageContaining("an entry without 'test' needs 'failure' text")
                .hasMessageContaining("unknown key 'why'")
                .hasMessageContaining("'reason' is required");
    }

    @Test
    void missingDirectoryIsASuiteError() {
        assertThatThrownBy(() -> Baseline.load(dir.resolve("runc-9.9.9"), catalogue, getClass().getClassLoader()))
                .isInstanceOf(SuiteError.class).hasMessageContaining("does not exist");
    }
}
