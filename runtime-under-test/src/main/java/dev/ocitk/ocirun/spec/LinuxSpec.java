package dev.ocitk.ocirun.spec;

import java.util.List;
import java.util.Map;

/** The {@code linux} object of config.json (config-linux.md). */
public record LinuxSpec(
        List<Namespace> namespaces,
        List<IdMapping> uidMappings,
        List<IdMapping> gidMappings,
        Map<String, TimeOffset> timeOffsets,
        List<Device> devices,
        Map<String, NetDevice> netDevices,
        String cgroupsPath,
        Resources resources,
        Map<String, String> sysctl,
        Seccomp seccomp,
        String rootfsPropagation,
        List<String> maskedPaths,
        List<String> readonlyPaths,
        String mountLabel,
        Personality personality,
        IntelRdt intelRdt,
        MemoryPolicy memoryPolicy) {

    /** config-linux.md#namespaces */
    public record Namespace(String type, String path) {}

    /** config-linux.md#user-namespace-mappings */
    public record IdMapping(
            long containerID,
            long hostID,
            long size) {}

    /** config-linux.md#offset-for-time-namespace */
    public record TimeOffset(long secs, long nanosecs) {}

    /** config-linux.md#devices */
    public record Device(
            String type,
            String path,
            Long major,
            Long minor,
            Long fileMode,
            Long uid,
            Long gid) {}

    /** config-linux.md#network-devices */
    public record NetDevice(String name) {}

    /** config-linux.md#control-groups: the {@code resources} object. */
    public record Resources(
            List<DeviceRule> devices,
            Memory memory,
            Cpu cpu,
            Pids pids,
            BlockIo blockIO,
            List<HugepageLimit> hugepageLimits,
            Network network,
            Map<String, Rdma> rdma,
            Map<String, String> unified) {

        public Map<String, String> unifiedOrEmpty() {
            return unified == null ? Map.of() : unified;
        }

        public List<DeviceRule> devicesOrEmpty() {
            return devices == null ? List.of() : devices;
        }
    }

    /** config-linux.md#allowed-device-list */
    public record DeviceRule(boolean allow, String type, Long major, Long minor, String access) {}

    /** config-linux.md#memory */
    public record Memory(
            Long limit,
            Long reservation,
            Long swap,
            Long kernel,
            Long kernelTCP,
            Long swappiness,
            Boolean disableOOMKiller,
            Boolean useHierarchy,
            Boolean checkBeforeUpdate) {}

    /** config-linux.md#cpu */
    public record Cpu(
            Long shares,
            Long quota,
            Long burst,
            Long period,
            Long realtimeRuntime,
            Long realtimePeriod,
            String cpus,
            String mems,
            Long idle) {}

    /** config-linux.md#pids */
    public record Pids(Long limit) {}

    /** config-linux.md#block-io */
    public record BlockIo(
            Integer weight,
            Integer leafWeight,
            List<WeightDevice> weightDevice,
            List<ThrottleDevice> throttleReadBpsDevice,
            List<ThrottleDevice> throttleWriteBpsDevice,
            List<ThrottleDevice> throttleReadIOPSDevice,
            List<ThrottleDevice> throttleWriteIOPSDevice) {}

    public record WeightDevice(long major, long minor, Integer weight, Integer leafWeight) {}

    public record ThrottleDevice(long major, long minor, long rate)
            {}

    /** config-linux.md#huge-page-limits */
    public record HugepageLimit(String pageSize, long limit)
            {}

    /** config-linux.md#network */
    public record Network(Long classID, List<InterfacePriority> priorities)
            {}

    public record InterfacePriority(String name, long priority)
            {}

    /** config-linux.md#rdma */
    public record Rdma(Long hcaHandles,
                       Long hcaObjects) {}

    /** config-linux.md#seccomp */
    public record Seccomp(
            String defaultAction,
            Long defaultErrnoRet,
            List<String> architectures,
            List<String> flags,
            String listenerPath,
            String listenerMetadata,
            List<Syscall> syscalls) {}

    public record Syscall(List<String> names, String action,
                          Long errnoRet, List<SyscallArg> args)
            {}

    public record SyscallArg(
            long index,
            long value,
            long valueTwo,
            String op) {}

    /** config-linux.md#personality */
    public record Personality(String domain, List<String> flags) {}

    /** config-linux.md#intelrdt: ocirun does not implement it, it only needs to notice it is set. */
    public record IntelRdt(String closID) {}

    /** config-linux.md#memory-policy */
    public record MemoryPolicy(String mode, String nodes, List<String> flags) {}
}
