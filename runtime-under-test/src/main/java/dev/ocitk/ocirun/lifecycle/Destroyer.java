package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.Faults;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.cgroups.CgroupManager;
import dev.ocitk.ocirun.hooks.HookRunner;
import dev.ocitk.ocirun.linux.Signals;

import java.util.concurrent.locks.LockSupport;

/**
 * Lifecycle steps 12 and 13 (runtime.md#lifecycle): undo what create made (the container's
 * processes, its cgroups, its state directory) and then run the poststop hooks, whose failures are
 * only warnings. Shared by delete and by a start that failed in a startContainer or poststart hook.
 */
final class Destroyer {
    private static final long KILL_WAIT_NANOS = 10_000_000_000L;

    private Destroyer() {}

    static void destroy(StateStore store, ContainerState s) {
        killAll(s);
        CgroupManager.remove(s.createdCgroupDirs(), System.nanoTime() + KILL_WAIT_NANOS);
        if (!Faults.DELETE_KEEP_STATE.active()) {
            store.remove(s.id());
        }
        if (!s.poststop().isEmpty() && !Faults.SKIP_POSTSTOP.active()) {
            HookRunner.runAllWarnOnly("poststop", s.poststop(),
                    StateCodec.specState(s.id(), ContainerStatus.STOPPED, 0, s.bundle(), s.annotations(), false),
                    s.bundle());
        }
    }

    /** SIGKILLs the container process and everything left in its cgroups, then waits until they are gone. */
    static void killAll(ContainerState s) {
        long deadline = System.nanoTime() + KILL_WAIT_NANOS;
        if (s.pid() > 0 && ProcStat.isAlive(s.pid(), s.pidStartTime())) {
            try {
                Signaller.signal(s, Signals.SIGKILL);
            } catch (OcirunException exitedMeanwhile) {
                // gone between the check and the signal: what we wanted
            }
        }
        while (true) {
            boolean initAlive = s.pid() > 0 && ProcStat.isAlive(s.pid(), s.pidStartTime());
            var rest = CgroupManager.procs(s.cgroupDirs());
            if (!initAlive && rest.isEmpty()) {
                return;
            }
            for (int pid : rest) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new OcirunException("container \"" + s.id() + "\" still has processes after SIGKILL");
            }
            LockSupport.parkNanos(2_000_000L);
        }
    }
}
