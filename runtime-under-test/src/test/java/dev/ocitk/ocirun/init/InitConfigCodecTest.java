package dev.ocitk.ocirun.init;

import dev.ocitk.ocirun.cgroups.CgroupMountPlan;
import dev.ocitk.ocirun.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InitConfigCodecTest {
    @Test
    void roundTripsAndTheInitReadsTheSameSpec() {
        String json = """
                {"ociVersion":"1.0.0","root":{"path":"rootfs"},"process":{"cwd":"/","args":["sh","-c","é \\" \\n"]},
                 "hostname":"h","linux":{"namespaces":[{"type":"pid"}]}}""";
        InitConfig c = new InitConfig(SpecLoader.parse(json), json.getBytes(StandardCharsets.UTF_8), "/b", "/b/rootfs", true,
                new CgroupMountPlan(false, List.of(new CgroupMountPlan.Hierarchy("cpu", "cpu", "/sys/fs/cgroup/cpu/x")), null),
                "{\"s\":1}", "{\"s\":2}", true, "/run/ocirun/c1", 5, -1, 4, "skip-hostname");
        InitConfig d = InitConfigCodec.decode(InitConfigCodec.encode(c));
        assertThat(d.spec()).isEqualTo(c.spec());
        assertThat(d.spec().process().args()).containsExactly("sh", "-c", "é \" \n");
        assertThat(d).usingRecursiveComparison().ignoringFields("specJson").isEqualTo(c);
    }
}
