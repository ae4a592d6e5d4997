package dev.ocitk.ocirun.lifecycle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerStatusTest {

    @Test
    void operationsFollowRuntimeMd() {
        assertThat(ContainerStatus.CREATED.canStart()).isTrue();
        assertThat(ContainerStatus.RUNNING.canStart()).isFalse();
        assertThat(ContainerStatus.STOPPED.canStart()).isFalse();
        assertThat(ContainerStatus.CREATED.canKill()).isTrue();
        assertThat(ContainerStatus.RUNNING.canKill()).isTrue();
        assertThat(ContainerStatus.STOPPED.canKill()).isFalse();
        assertThat(ContainerStatus.STOPPED.canDelete()).isTrue();
        assertThat(ContainerStatus.CREATED.canDelete()).isFalse();
        assertThat(ContainerStatus.RUNNING.canDelete()).isFalse();
        assertThat(ContainerStatus.CREATING.canKill()).isFalse();
    }

    @Test
    void errorsNameTheOperationAndTheStatus() {
        assertThat(ContainerStatus.RUNNING.cannot("delete", "c1"))
                .hasMessage("cannot delete container \"c1\": it is running");
        assertThat(ContainerStatus.parse("stopped")).isEqualTo(ContainerStatus.STOPPED);
    }
}
