package dev.ocitk.ocirun;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FaultsTest {

    /** A rule no code consults would let a suite "prove" a test against a fault that changes nothing. */
    @Test
    void everyFaultRuleIsConsultedByTheRuntime() throws IOException {
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("Faults.java")).toList()) {
                sources.append(Files.readString(f));
            }
        }
        for (Faults f : Faults.values()) {
            assertThat(sources.toString()).as("Faults." + f.name() + " is used").contains("Faults." + f.name() + ".");
        }
    }

    @Test
    void ruleNamesAreUniqueAndLowerCase() {
        assertThat(Stream.of(Faults.values()).map(Faults::rule)).doesNotHaveDuplicates()
                .allMatch(r -> r.matches("[a-z-]+"));
        assertThat(Faults.STATE_NO_PID.activeIn("state-no-pid")).isTrue();
        assertThat(Faults.STATE_NO_PID.activeIn(null)).isFalse();
    }
}
