package dev.ocitk.ocirun.cgroups;

import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.spec.LinuxSpec;
import dev.ocitk.ocirun.spec.Spec;
import dev.ocitk.ocirun.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourcesTest {
    static LinuxSpec.Resources resources(String json) {
        Spec s = SpecLoader.parse("{\"ociVersion\":\"1.0.0\",\"linux\":{\"resources\":" + json + "}}");
        return s.linux().resources();
    }

    @Test
    void v1WritesInTheOrderTheKernelNeeds() {
        var w = V1Resources.plan(resources("""
                {"memory":{"limit":104857600,"swap":209715200,"reservation":52428800,"swappiness":10,"disableOOMKiller":true},
                 "pids":{"limit":-1},"cpu":{"shares":512,"quota":50000,"period":100000,"cpus":"0","mems":"0"}}"""));
        List<String> files = w.stream().map(x -> x.files().get(0)).toList();
        assertThat(files).containsSubsequence("memory.limit_in_bytes", "memory.memsw.limit_in_bytes");
        assertThat(files).containsSubsequence("cpu.cfs_period_us", "cpu.cfs_quota_us");
        Map<String, String> byFile = w.stream().collect(Collectors.toMap(x -> x.files().get(0), V1Resources.Write::value));
        assertThat(byFile).containsEntry("pids.max", "max").containsEntry("memory.oom_control", "1")
                .containsEntry("cpuset.cpus", "0").containsEntry("memory.swappiness", "10");
    }

    @Test
    void pidsLimitZeroIsALimitNotUnset() {
        assertThat(V1Resources.plan(resources("{\"pids\":{\"limit\":0}}")))
                .singleElement().extracting(V1Resources.Write::value).isEqualTo("0");
    }

    @Test
    void blkioWeightFallsBackToBfq() {
        assertThat(V1Resources.plan(resources("{\"blockIO\":{\"weight\":500}}")).get(0).files())
                .containsExactly("blkio.weight", "blkio.bfq.weight");
    }

    @Test
    void v2ConvertsV1ShapedSettings() {
        var w = V2Resources.plan(resources("""
                {"memory":{"limit":100,"swap":300},"cpu":{"shares":1024,"quota":50000,"period":100000},
                 "blockIO":{"weight":10,"throttleReadBpsDevice":[{"major":8,"minor":0,"rate":100}],
                            "throttleWriteIOPSDevice":[{"major":8,"minor":0,"rate":5}]},
                 "unified":{"memory.high":"90","cgroup.max.depth":"3"}}"""));
        Map<String, String> byFile = w.stream().collect(Collectors.toMap(V2Resources.Write::file, V2Resources.Write::value));
        assertThat(byFile).containsEntry("memory.max", "100").containsEntry("memory.swap.max", "200")
                .containsEntry("cpu.weight", Long.toString(V2Resources.sharesToWeight(1024)))
                .containsEntry("cpu.max", "50000 100000").containsEntry("io.weight", "1")
                .containsEntry("io.max", "8:0 rbps=100 wiops=5").containsEntry("memory.high", "90");
        assertThat(V2Resources.sharesToWeight(2)).isEqualTo(1);
        assertThat(V2Resources.sharesToWeight(262144)).isEqualTo(10000);
        assertThat(w.stream().filter(x -> x.file().equals("cgroup.max.depth")).findFirst().orElseThrow().controller()).isNull();
    }

    @Test
    void v2RejectsWhatItCannotExpress() {
        assertThatThrownBy(() -> V2Resources.plan(resources("{\"memory\":{\"limit\":300,\"swap\":100}}")))
                .isInstanceOf(OcirunException.class).hasMessageContaining("must not be below");
        assertThatThrownBy(() -> V2Resources.plan(resources("{\"network\":{\"classID\":1}}")))
                .hasMessageContaining("net_cls");
        assertThatThrownBy(() -> V2Resources.plan(resources("{\"cpu\":{\"realtimeRuntime\":5}}")))
                .hasMessageContaining("realtime");
    }

    @Test
    void deviceRulesKeepTheConfigOrderThenAllowTheDefaultDevices() {
        var rules = DeviceRules.effective(resources("{\"devices\":[{\"allow\":false,\"access\":\"rwm\"}]}").devices(),
                List.of(new LinuxSpec.Device("c", "/dev/fuse", 10L, 229L, null, null, null)));
        List<String> lines = rules.stream().map(DeviceRules::v1Line).toList();
        assertThat(lines.get(0)).isEqualTo("a *:* rwm");
        assertThat(rules.get(0).allow()).isFalse();
        assertThat(lines).contains("c 1:3 rwm", "c 136:* rwm", "c 10:229 rwm");
        assertThat(DeviceRules.v1Writes(rules).get(0).files()).containsExactly("devices.deny");
    }
}
