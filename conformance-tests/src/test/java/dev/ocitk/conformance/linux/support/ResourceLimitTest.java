package dev.ocitk.conformance.linux.support;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceLimitTest {

    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units    \s
            Max cpu time              unlimited            unlimited            seconds  \s
            Max stack size            8388608              unlimited            bytes    \s
            Max processes             96364                96364                processes\s
            Max open files            777                  999                  files    \s
            Max nice priority         0                    0                    \s
            Max realtime priority     0                    0                    \s
            Max realtime timeout      unlimited            unlimited            us       \s
            """;

    @Test
    void parsesEveryRowByConfigName() {
        Map<String, ResourceLimit> l = ResourceLimit.parseProcLimits(LIMITS);

        assertThat(l.get("RLIMIT_NOFILE")).isEqualTo(new ResourceLimit("RLIMIT_NOFILE", 777, 999));
        assertThat(l.get("RLIMIT_STACK")).isEqualTo(new ResourceLimit("RLIMIT_STACK", 8388608, ResourceLimit.UNLIMITED));
        assertThat(l.get("RLIMIT_RTPRIO")).isEqualTo(new ResourceLimit("RLIMIT_RTPRIO", 0, 0));
        assertThat(l.get("RLIMIT_RTTIME").soft()).isEqualTo(ResourceLimit.UNLIMITED);
        assertThat(l).hasSize(7);
    }

    @Test
    void unlimitedIsTheLargestValue() {
        assertThat(ResourceLimit.atMost(5, ResourceLimit.UNLIMITED)).isTrue();
        assertThat(ResourceLimit.atMost(ResourceLimit.UNLIMITED, 5)).isFalse();
        assertThat(new ResourceLimit("RLIMIT_CORE", 0, ResourceLimit.UNLIMITED)).hasToString("RLIMIT_CORE soft=0 hard=unlimited");
    }
}
