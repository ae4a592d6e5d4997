package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.cgroups.CgroupManager;
import dev.ocitk.ocirun.linux.Sys;
import dev.ocitk.ocirun.linux.SyscallException;

/**
 * Sends signals to a container (runtime.md#kill) through a pidfd: the pidfd is opened first and the
 * start time checked after, so the signal cannot reach a process that reused the container's pid.
 */
public final class Signaller {
    private Signaller() {}

    /** Signals the container process; throws if it is gone. */
    public static void signal(ContainerState s, int sig) {
        int pidfd = Sys.pidfdOpen(s.pid());
        if (pidfd < 0) {
            throw new OcirunException("container \"" + s.id() + "\" is not running");
        }
        try {
            if (!ProcStat.isAlive(s.pid(), s.pidStartTime())) {
                throw new OcirunException("container \"" + s.id() + "\" is not running");
            }
            Sys.pidfdSendSignal(pidfd, sig);
        } catch (SyscallException e) {
            if (e.errno() == Sys.ESRCH) {
                throw new OcirunException("container \"" + s.id() + "\" is not running");
            }
            throw e;
        } finally {
            Sys.closeQuietly(pidfd);
        }
    }

    /** Signals every process in the container's cgroups (kill --all), the container process included. */
    public static void signalAll(ContainerState s, int sig) {
        signal(s, sig);
        for (int pid : CgroupManager.procs(s.cgroupDirs())) {
            if (pid == s.pid()) {
                continue;
            }
            try {
                Sys.kill(pid, sig);
            } catch (SyscallException e) {
                if (e.errno() != Sys.ESRCH) {
                    throw e;
                }
            }
        }
    }
}
