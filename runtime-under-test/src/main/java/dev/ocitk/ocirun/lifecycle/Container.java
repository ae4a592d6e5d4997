package dev.ocitk.ocirun.lifecycle;

import java.nio.file.Files;

/**
 * A container as found on disk, with its live status. The recorded status only says how far the
 * lifecycle got; whether the process still exists is read from /proc each time, matching the pid
 * and its start time so that a reused pid is not mistaken for the container (runtime.md#state).
 */
public record Container(StateStore store, ContainerState state) {

    public static Container load(StateStore store, String id) {
        return new Container(store, store.load(id));
    }

    public String id() {
        return state.id();
    }

    public boolean isProcessAlive() {
        return state.pid() > 0 && ProcStat.isAlive(state.pid(), state.pidStartTime());
    }

    /**
     * The live status: stopped once the process is gone; created while the exec fifo still waits
     * for start; running after start consumed the fifo.
     */
    public ContainerStatus status() {
        ContainerStatus recorded = state.status();
        if (recorded == ContainerStatus.STOPPED) {
            return recorded;
        }
        if (state.pid() <= 0) {
            return recorded == ContainerStatus.CREATING ? ContainerStatus.CREATING : ContainerStatus.STOPPED;
        }
        if (!isProcessAlive()) {
            return ContainerStatus.STOPPED;
        }
        if (recorded == ContainerStatus.CREATING) {
            return ContainerStatus.CREATING;
        }
        if (recorded == ContainerStatus.CREATED && !Files.exists(store.fifo(state.id()))) {
            // start released the fifo but did not get to record it: the program was executed.
            return ContainerStatus.RUNNING;
        }
        return recorded;
    }
}
