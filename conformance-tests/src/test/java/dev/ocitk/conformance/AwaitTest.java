package dev.ocitk.conformance;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwaitTest {

    @Test
    void returnsTheFirstValueThatSatisfiesTheCondition() {
        AtomicInteger calls = new AtomicInteger();

        int value = Await.until("the third call", Duration.ofSeconds(5), calls::incrementAndGet, n -> n >= 3);

        assertThat(value).isEqualTo(3);
    }

    @Test
    void failsWithTheDescriptionAndTheLastValueObserved() {
        assertThatThrownBy(() -> Await.until("status 'stopped'", Duration.ofMillis(50), () -> "running", "stopped"::equals))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("timed out after 50 ms waiting for status 'stopped'")
                .hasMessageContaining("last observed: running");
    }

    @Test
    void withinReportsWhetherTheConditionHeld() {
        assertThat(Await.within(Duration.ofMillis(20), () -> false)).isFalse();
        assertThat(Await.within(Duration.ofMillis(20), () -> true)).isTrue();
    }
}
