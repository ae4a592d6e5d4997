package dev.ocitk.ocirun.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.io.Serializable;
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
        MemoryPolicy memoryPolicy) implements Serializable {

    /** config-linux.md#namespaces */
    public record Namespace(String type, String path) implements Serializable {}

    /** config-linux.md#user-namespace-mappings */
    public record IdMapping(
            @JsonDeserialize(using = Uint.U32.class) long containerID,
            @JsonDeserialize(using = Uint.U32.class) long hostID,
            @JsonDeserialize(using = Uint.U32.class) long size) implements Serializable {}

    /** config-linux.md#offset-for-time-namespace */
    public record TimeOffset(long secs, @JsonDeserialize(using = Uint.U32.class) long nanosecs) implements Serializable {}

    /** config-linux.md#devices */
    public record Device(
            String type,
            String path,
            Long major,
            Long minor,
            @JsonDeserialize(using = Uint.U32.class) Long fileMode,
            @JsonDeserialize(using = Uint.U32.class) Long uid,
            @JsonDeserialize(using = Uint.U32.class) Long gid) implements Serializable {}

    /** config-linux.md#network-devices */
    public record NetDevice(String name) implements Serializable {}

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
            Map<String, String> unified) implements Serializable {

        public Map<String, String> unifiedOrEmpty() {
            return unified == null ? Map.of() : unified;
        }

        public List<DeviceRule> devicesOrEmpty() {
            return devices == null ? List.of() : devices;
        }
    }

    /** config-linux.md#allowed-device-list */
    public record DeviceRule(boolean allow, String type, Long major, Long minor, String access) implements Serializable {}

    /** config-linux.md#memory */
    public record Memory(
            Long limit,
            Long reservation,
            Long swap,
            Long kernel,
            Long kernelTCP,
            @JsonDeserialize(using = Uint.U64.class) Long swappiness,
            Boolean disableOOMKiller,
            Boolean useHierarchy,
            Boolean checkBeforeUpdate) implements Serializable {}

    /** config-linux.md#cpu */
    public record Cpu(
            @JsonDeserialize(using = Uint.U64.class) Long shares,
            Long quota,
            @JsonDeserialize(using = Uint.U64.class) Long burst,
            @JsonDeserialize(using = Uint.U64.class) Long period,
            Long realtimeRuntime,
            @JsonDeserialize(using = Uint.U64.class) Long realtimePeriod,
            String cpus,
            String mems,
            Long idle) implements Serializable {}

    /** config-linux.md#pids */
    public record Pids(Long limit) implements Serializable {}

    /** config-linux.md#block-io */
    public record BlockIo(
            Integer weight,
            Integer leafWeight,
            List<WeightDevice> weightDevice,
            List<ThrottleDevice> throttleReadBpsDevice,
            List<ThrottleDevice> throttleWriteBpsDevice,
            List<ThrottleDevice> throttleReadIOPSDevice,
            List<ThrottleDevice> throttleWriteIOPSDevice) implements Serializable {}

    public record WeightDevice(long major, long minor, Integer weight, Integer leafWeight) implements Serializable {}

    public record ThrottleDevice(long major, long minor, @JsonDeserialize(using = Uint.U64.class) long rate)
            implements Serializable {}

    /** config-linux.md#huge-page-limits */
    public record HugepageLimit(String pageSize, @JsonDeserialize(using = Uint.U64.class) long limit)
            implements Serializable {}

    /** config-linux.md#network */
    public record Network(@JsonDeserialize(using = Uint.U32.class) Long classID, List<InterfacePriority> priorities)
            implements Serializable {}

    public record InterfacePriority(String name, @JsonDeserialize(using = Uint.U32.class) long priority)
            implements Serializable {}

    /** config-linux.md#rdma */
    public record Rdma(@JsonDeserialize(using = Uint.U32.class) Long hcaHandles,
                       @JsonDeserialize(using = Uint.U32.class) Long hcaObjects) implements Serializable {}

    /** config-linux.md#seccomp */
    public record Seccomp(
            String defaultAction,
            @JsonDeserialize(using = Uint.U32.class) Long defaultErrnoRet,
            List<String> architectures,
            List<String> flags,
            String listenerPath,
            String listenerMetadata,
            List<Syscall> syscalls) implements Serializable {}

    public record Syscall(List<String> names, String action,
                          @JsonDeserialize(using = Uint.U32.class) Long errnoRet, List<SyscallArg> args)
            implements Serializable {}

    public record SyscallArg(
            @JsonDeserialize(using = Uint.U32.class) long index,
            @JsonDeserialize(using = Uint.U64.class) long value,
            @JsonDeserialize(using = Uint.U64.class) long valueTwo,
            String op) implements Serializable {}

    /** config-linux.md#personality */
    public record Personality(String domain, List<String> flags) implements Serializable {}

    /** config-linux.md#intelrdt: ocirun does not implement it, it only needs to notice it is set. */
    public record IntelRdt(String closID) implements Serializable {}

    /** config-linux.md#memory-policy */
    public record MemoryPolicy(String mode, String nodes, List<String> flags) implements Serializable {}
}
