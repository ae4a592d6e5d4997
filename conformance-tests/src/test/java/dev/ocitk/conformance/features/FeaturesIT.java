package dev.ocitk.conformance.features;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.catalogue.SpecVersion;
import dev.ocitk.validator.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;

import static dev.ocitk.conformance.bundle.Shell.mark;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/** The features document (features.md), for runtimes that have a {@code features} command. */
@Tag("features")
class FeaturesIT {

    private static JsonNode features(RuntimeUnderTest runtime) {
        return runtime.features().orElseGet(() -> {
            Assumptions.abort("the runtime has no features command (features.md makes offering one optional)");
            return null;
        });
    }

    @ConformanceTest
    @Requirement("features.document.schema")
    void featuresDocumentValidatesAgainstTheSchema(RuntimeUnderTest runtime) {
        String text = runtime.info().features().orElse("");
        features(runtime);

        assertThat(runtime.validateFeatures(text).atLeast(Level.ERROR)).as("schema errors in the features document:%n%s", text)
                .isEmpty();
    }

    @ConformanceTest
    @Requirement("features.version.order")
    void ociVersionMaxIsNotBelowOciVersionMin(RuntimeUnderTest runtime) {
        JsonNode f = features(runtime);

        SpecVersion min = SpecVersion.parse(f.path("ociVersionMin").asText(""));
        SpecVersion max = SpecVersion.parse(f.path("ociVersionMax").asText(""));

        assertThat(max).as("ociVersionMax against ociVersionMin").isGreaterThanOrEqualTo(min);
    }

    @ConformanceTest
    @Requirement("features.version.accepted")
    void runtimeAcceptsItsMinimumAndMaximumSpecVersion(RuntimeUnderTest runtime) {
        JsonNode f = features(runtime);

        for (String field : new String[] {"ociVersionMin", "ociVersionMax"}) {
            String version = f.path(field).asText("");
            Bundle bundle = runtime.bundle().args(sh(mark("ran"))).edit(c -> c.put("ociVersion", version)).build();
            Container container = runtime.create(bundle);
            container.start();
            container.awaitStatus("stopped");
            assertThat(bundle.out("ran")).as("program of a config with ociVersion %s (%s)", version, field).isPresent();
            container.delete();
        }
    }
}
