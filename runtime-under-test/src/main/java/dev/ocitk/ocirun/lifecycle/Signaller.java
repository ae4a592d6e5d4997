package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.cgroups.CgroupManager;
import dev.ocitk.ocirun.linux.Signals;
import dev.ocitk.ocirun.linux.Sys;
import dev.ocitk.ocirun.linux.SyscallException;

/**
 * Sends signals to a container (runtime.md#kill). SIGTERM and SIGKILL, the usual ones, go through
 * ProcessHandle, which checks the process start time before kill(2), so the JNA start-up cost is
 * only paid for other signals; those go through a pidfd opened before the start time is checked,
 * so they cannot reach a process that reused the container's pid.
 */
public final class Signaller {
    private Signaller() {}

    /** Signals the container process; throws if it is gone. */
    public static void signal(ContainerState s, int sig) {
        if (sig == Signals.SIGTERM || sig == Signals.SIGKILL) {
            // The handle first: it records the process's start time, which destroy() checks again.
            java.util.Optional<ProcessHandle> found = ProcessHandle.of(s.pid());
            if (found.isEmpty() || !ProcStat.isAlive(s.pid(), s.pidStartTime())) {
                throw new OcirunException("container \"" + s.id() + "\" is not running");
            }
            ProcessHandle h = found.get();
            if (!(sig == Signals.SIGKILL ? h.destroyForcibly() : h.destroy()) && h.isAlive()) {
                throw new OcirunException("cannot send signal " + sig + " to container \"" + s.id() + "\"");
            }
            return;
        }
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
            if (sig == Signals.SIGTERM || sig == Signals.SIGKILL) {
                ProcessHandle.of(pid).ifPresent(h -> {
                    if (sig == Signals.SIGKILL) {
                        h.destroyForcibly();
                    } else {
                        h.destroy();
                    }
                });
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
