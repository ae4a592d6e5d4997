package dev.ocitk.ocirun.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Spec} from a parsed config.json, property by property as config.md and
 * config-linux.md define them. Unknown properties are never looked at (config.md#extensibility);
 * a present property of the wrong type, or a number outside its type's range, is an error naming
 * the JSON pointer. Whether values make sense together is {@link SpecValidator}'s job.
 *
 * <p>Arrays and maps of objects are read through {@link Element} and a switch rather than lambdas:
 * create and the init both run this, interpreted, and each lambda call site cost them its
 * bootstrap (see README, "Start-up cost").
 */
public final class SpecReader {
    private SpecReader() {}

    /** What the elements of an array (or the values of a map) are. */
    private enum Element {
        MOUNT, ID_MAPPING, HOOK, RLIMIT, UINT32, NAMESPACE, TIME_OFFSET, DEVICE, NET_DEVICE, SYSCALL, SYSCALL_ARG,
        DEVICE_RULE, WEIGHT_DEVICE, THROTTLE, HUGEPAGE_LIMIT, INTERFACE_PRIORITY, RDMA
    }

    private static Object element(Element kind, Json j) {
        switch (kind) {
            case MOUNT: return mount(j);
            case ID_MAPPING: return idMapping(j);
            case HOOK: return hook(j);
            case RLIMIT: return new Spec.Rlimit(j.string("type"), j.required("soft").asUint64(), j.required("hard").asUint64());
            case UINT32: return j.asUint32();
            case NAMESPACE: return new LinuxSpec.Namespace(j.string("type"), j.string("path"));
            case TIME_OFFSET: return new LinuxSpec.TimeOffset(orZero(j.int64("secs")), orZero(j.uint32("nanosecs")));
            case DEVICE: return new LinuxSpec.Device(j.string("type"), j.string("path"), j.int64("major"),
                    j.int64("minor"), j.uint32("fileMode"), j.uint32("uid"), j.uint32("gid"));
            case NET_DEVICE: return new LinuxSpec.NetDevice(j.string("name"));
            case SYSCALL: return new LinuxSpec.Syscall(j.strings("names"), j.string("action"), j.uint32("errnoRet"),
                    list(j, "args", Element.SYSCALL_ARG));
            case SYSCALL_ARG: return new LinuxSpec.SyscallArg(orZero(j.uint32("index")), orZero(j.uint64("value")),
                    orZero(j.uint64("valueTwo")), j.string("op"));
            case DEVICE_RULE: return new LinuxSpec.DeviceRule(j.bool("allow"), j.string("type"), j.int64("major"),
                    j.int64("minor"), j.string("access"));
            case WEIGHT_DEVICE: return new LinuxSpec.WeightDevice(orZero(j.int64("major")), orZero(j.int64("minor")),
                    j.int32("weight"), j.int32("leafWeight"));
            case THROTTLE: return throttle(j);
            case HUGEPAGE_LIMIT: return new LinuxSpec.HugepageLimit(j.string("pageSize"), j.required("limit").asUint64());
            case INTERFACE_PRIORITY: return new LinuxSpec.InterfacePriority(j.string("name"), orZero(j.uint32("priority")));
            case RDMA: return new LinuxSpec.Rdma(j.uint32("hcaHandles"), j.uint32("hcaObjects"));
            default: throw new IllegalStateException(kind.name());
        }
    }

    /** The array member {@code name} read element by element, or null when absent. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Json parent, String name, Element kind) {
        List<Json> a = parent.array(name);
        if (a == null) {
            return null;
        }
        List<Object> out = new ArrayList<>(a.size());
        for (Json e : a) {
            out.add(element(kind, e));
        }
        return (List<T>) Collections.unmodifiableList(out);
    }

    /** The object member {@code name} read value by value (JSON nulls skipped), or null when absent. */
    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> map(Json parent, String name, Element kind) {
        Map<String, Json> m = parent.members(name);
        if (m == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Json> e : m.entrySet()) {
            out.put(e.getKey(), element(kind, e.getValue()));
        }
        return (Map<String, T>) Collections.unmodifiableMap(out);
    }

    public static Spec read(Json c) {
        c.object();
        return new Spec(
                c.string("ociVersion"),
                c.has("root") ? new Spec.Root(c.get("root").string("path"), c.get("root").bool("readonly")) : null,
                list(c, "mounts", Element.MOUNT),
                c.has("process") ? process(c.get("process")) : null,
                c.string("hostname"),
                c.string("domainname"),
                c.has("hooks") ? hooks(c.get("hooks")) : null,
                c.stringMap("annotations"),
                c.has("linux") ? linux(c.get("linux")) : null);
    }

    static Spec.Mount mount(Json m) {
        return new Spec.Mount(m.string("destination"), m.string("type"), m.string("source"), m.strings("options"),
                list(m, "uidMappings", Element.ID_MAPPING), list(m, "gidMappings", Element.ID_MAPPING));
    }

    static Spec.Process process(Json p) {
        Json size = p.get("consoleSize");
        Json user = p.get("user");
        Json caps = p.get("capabilities");
        Json sched = p.get("scheduler");
        Json io = p.get("ioPriority");
        Json aff = p.get("execCPUAffinity");
        return new Spec.Process(
                p.bool("terminal"),
                size == null ? null : new Spec.ConsoleSize(size.required("height").asUint32(), size.required("width").asUint32()),
                user == null ? null : new Spec.User(orZero(user.uint32("uid")), orZero(user.uint32("gid")),
                        user.uint32("umask"), list(user, "additionalGids", Element.UINT32)),
                p.strings("args"),
                p.strings("env"),
                p.string("cwd"),
                caps == null ? null : new Spec.Capabilities(caps.strings("bounding"), caps.strings("effective"),
                        caps.strings("inheritable"), caps.strings("permitted"), caps.strings("ambient")),
                list(p, "rlimits", Element.RLIMIT),
                p.bool("noNewPrivileges"),
                p.int32("oomScoreAdj"),
                p.string("apparmorProfile"),
                p.string("selinuxLabel"),
                sched == null ? null : new Spec.Scheduler(sched.string("policy"), sched.int32("nice"), sched.int32("priority"),
                        sched.strings("flags"), sched.uint64("runtime"), sched.uint64("deadline"), sched.uint64("period")),
                io == null ? null : new Spec.IoPriority(io.string("class"), orZero(io.int32("priority"))),
                aff == null ? null : new Spec.ExecCpuAffinity(aff.string("initial"), aff.string("final")));
    }

    static Spec.Hooks hooks(Json h) {
        return new Spec.Hooks(list(h, "prestart", Element.HOOK), list(h, "createRuntime", Element.HOOK),
                list(h, "createContainer", Element.HOOK), list(h, "startContainer", Element.HOOK),
                list(h, "poststart", Element.HOOK), list(h, "poststop", Element.HOOK));
    }

    static Spec.Hook hook(Json h) {
        return new Spec.Hook(h.string("path"), h.strings("args"), h.strings("env"), h.int32("timeout"));
    }

    static LinuxSpec.IdMapping idMapping(Json m) {
        return new LinuxSpec.IdMapping(orZero(m.uint32("containerID")), orZero(m.uint32("hostID")), orZero(m.uint32("size")));
    }

    static LinuxSpec linux(Json l) {
        Json personality = l.get("personality");
        Json rdt = l.get("intelRdt");
        Json mpol = l.get("memoryPolicy");
        Json seccomp = l.get("seccomp");
        return new LinuxSpec(
                list(l, "namespaces", Element.NAMESPACE),
                list(l, "uidMappings", Element.ID_MAPPING),
                list(l, "gidMappings", Element.ID_MAPPING),
                map(l, "timeOffsets", Element.TIME_OFFSET),
                list(l, "devices", Element.DEVICE),
                map(l, "netDevices", Element.NET_DEVICE),
                l.string("cgroupsPath"),
                l.has("resources") ? resources(l.get("resources")) : null,
                l.stringMap("sysctl"),
                seccomp == null ? null : seccomp(seccomp),
                l.string("rootfsPropagation"),
                l.strings("maskedPaths"),
                l.strings("readonlyPaths"),
                l.string("mountLabel"),
                personality == null ? null : new LinuxSpec.Personality(personality.string("domain"), personality.strings("flags")),
                rdt == null ? null : new LinuxSpec.IntelRdt(rdt.string("closID")),
                mpol == null ? null : new LinuxSpec.MemoryPolicy(mpol.string("mode"), mpol.string("nodes"), mpol.strings("flags")));
    }

    static LinuxSpec.Seccomp seccomp(Json s) {
        return new LinuxSpec.Seccomp(s.string("defaultAction"), s.uint32("defaultErrnoRet"), s.strings("architectures"),
                s.strings("flags"), s.string("listenerPath"), s.string("listenerMetadata"),
                list(s, "syscalls", Element.SYSCALL));
    }

    static LinuxSpec.Resources resources(Json r) {
        Json mem = r.get("memory");
        Json cpu = r.get("cpu");
        Json pids = r.get("pids");
        Json blkio = r.get("blockIO");
        Json net = r.get("network");
        return new LinuxSpec.Resources(
                list(r, "devices", Element.DEVICE_RULE),
                mem == null ? null : new LinuxSpec.Memory(mem.int64("limit"), mem.int64("reservation"), mem.int64("swap"),
                        mem.int64("kernel"), mem.int64("kernelTCP"), mem.uint64("swappiness"), mem.boolOrNull("disableOOMKiller"),
                        mem.boolOrNull("useHierarchy"), mem.boolOrNull("checkBeforeUpdate")),
                cpu == null ? null : new LinuxSpec.Cpu(cpu.uint64("shares"), cpu.int64("quota"), cpu.uint64("burst"),
                        cpu.uint64("period"), cpu.int64("realtimeRuntime"), cpu.uint64("realtimePeriod"), cpu.string("cpus"),
                        cpu.string("mems"), cpu.int64("idle")),
                pids == null ? null : new LinuxSpec.Pids(pids.int64("limit")),
                blkio == null ? null : new LinuxSpec.BlockIo(blkio.int32("weight"), blkio.int32("leafWeight"),
                        list(blkio, "weightDevice", Element.WEIGHT_DEVICE),
                        list(blkio, "throttleReadBpsDevice", Element.THROTTLE),
                        list(blkio, "throttleWriteBpsDevice", Element.THROTTLE),
                        list(blkio, "throttleReadIOPSDevice", Element.THROTTLE),
                        list(blkio, "throttleWriteIOPSDevice", Element.THROTTLE)),
                list(r, "hugepageLimits", Element.HUGEPAGE_LIMIT),
                net == null ? null : new LinuxSpec.Network(net.uint32("classID"), list(net, "priorities", Element.INTERFACE_PRIORITY)),
                map(r, "rdma", Element.RDMA),
                r.stringMap("unified"));
    }

    static LinuxSpec.ThrottleDevice throttle(Json t) {
        return new LinuxSpec.ThrottleDevice(orZero(t.int64("major")), orZero(t.int64("minor")), t.required("rate").asUint64());
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }
}
