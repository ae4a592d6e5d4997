package dev.ocitk.ocirun.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocitk.ocirun.linux.MountOptions;
import dev.ocitk.validator.OciValidator;
import dev.ocitk.validator.ValidationReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeaturesTest {

    @Test
    void theValidatorAcceptsTheDocument() {
        ValidationReport report = OciValidator.create().validateFeatures(Features.json());
        assertThat(report.hasErrors()).as(report.toString()).isFalse();
    }

    @Test
    void itTellsTheTruthAboutWhatOcirunSupports() throws Exception {
        JsonNode f = new ObjectMapper().readTree(Features.json());
        assertThat(f.get("ociVersionMax").asText()).isEqualTo("1.3.0");
        List<String> ns = new ArrayList<>();
        f.get("linux").get("namespaces").forEach(n -> ns.add(n.asText()));
        assertThat(ns).containsExactlyInAnyOrder("cgroup", "ipc", "mount", "network", "pid", "uts", "time")
                .doesNotContain("user");
        List<String> opts = new ArrayList<>();
        f.get("mountOptions").forEach(n -> opts.add(n.asText()));
        assertThat(opts).isEqualTo(MountOptions.known());
        assertThat(f.get("linux").get("mountExtensions").get("idmap").get("enabled").asBoolean()).isFalse();
        assertThat(f.get("linux").get("apparmor").get("enabled").asBoolean()).isFalse();
        assertThat(f.get("hooks")).hasSize(6);
    }
}
