package dev.ocitk.ocirun.init;

import dev.ocitk.ocirun.cgroups.CgroupMountPlan;
import dev.ocitk.ocirun.spec.Spec;


/**
 * Everything the init process needs, sent by create over the sync socket once the init is in its
 * cgroups (encoded by {@link InitConfigCodec}). The hook states are prepared by create because only it knows the pid the container
 * namespace sees (runtime.md#state: hooks in the container namespace get that pid).
 *
 * @param spec                  the parsed config.json
 * @param specJson              the bytes it was parsed from: what create sends, and the init parses again
 * @param bundle                absolute bundle path (relative bind sources resolve against it)
 * @param rootfs                absolute host path of the root file system
 * @param newCgroupNamespace    unshare the cgroup namespace after joining the cgroups
 * @param cgroupMount           how to mount a "cgroup" entry of {@code mounts}
 * @param createContainerState  state JSON for createContainer hooks
 * @param startContainerState   state JSON for startContainer hooks
 * @param noPivot               use MS_MOVE and chroot instead of pivot_root (runc's --no-pivot)
 * @param stateDir              the container's state directory (holds the exec fifo), by path
 * @param stateDirFd            O_PATH descriptor of it: after pivot_root it is the only way back to the fifo
 * @param consoleSocketFd       connected console socket, or -1 without a terminal
 * @param firstControlFd        lowest runtime descriptor: everything from here is closed before exec
 * @param fault                 a fault-injection rule ({@code OCIRUN_FAULT}), or null
 */
public record InitConfig(
        Spec spec,
        byte[] specJson,
        String bundle,
        String rootfs,
        boolean newCgroupNamespace,
        CgroupMountPlan cgroupMount,
        String createContainerState,
        String startContainerState,
        boolean noPivot,
        String stateDir,
        int stateDirFd,
        int consoleSocketFd,
        int firstControlFd,
        String fault) {}
