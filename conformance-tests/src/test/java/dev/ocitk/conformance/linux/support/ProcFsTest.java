package dev.ocitk.conformance.linux.support;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcFsTest {

    @Test
    void cmdlineKeepsEmptyArgumentsAndNewlines() {
        byte[] raw = "/bin/sh\0-c\0\0a b\nc\0\0".getBytes(StandardCharsets.UTF_8);

        assertThat(ProcFs.splitNul(raw)).containsExactly("/bin/sh", "-c", "", "a b\nc", "");
    }

    @Test
    void unterminatedLastEntryIsKept() {
        assertThat(ProcFs.splitNul("A=1\0B=2".getBytes(StandardCharsets.UTF_8))).containsExactly("A=1", "B=2");
    }

    @Test
    void statusFieldsAreTrimmedAndKeepTheirNumbers() {
        Map<String, String> s = ProcFs.parseStatus("Name:\tsh\nUmask:\t0027\nGroups:\t5 6 1000 \nCapEff:\t0000000000000420\n");

        assertThat(s).containsEntry("Umask", "0027").containsEntry("CapEff", "0000000000000420");
        assertThat(ProcFs.numbers(s.get("Groups"))).containsExactly(5L, 6L, 1000L);
        assertThat(ProcFs.numbers("")).isEmpty();
    }

    @Test
    void readsTheHarnessJvmItself() {
        ProcFs self = ProcFs.self();

        assertThat(self.status("Pid")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(self.namespace("net")).startsWith("net:[");
        assertThat(self.limits()).containsKey("RLIMIT_NOFILE");
        assertThat(self.fds()).containsKeys(0, 1, 2);
        assertThat(self.isAlive()).isTrue();
        assertThat(ProcFs.envName("A=b=c")).contains("A");
        assertThat(ProcFs.envName("=x")).isEmpty();
        assertThat(self.cgroups()).isNotEmpty();
        assertThat(List.of(self.cwd())).allMatch(c -> c.startsWith("/"));
    }
}
