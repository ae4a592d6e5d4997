package dev.ocitk.ocirun.spec;

/**
 * Builds a {@link Spec} from a parsed config.json, property by property as config.md and
 * config-linux.md define them. Unknown properties are never looked at (config.md#extensibility);
 * a present property of the wrong type, or a number outside its type's range, is an error naming
 * the JSON pointer. Whether values make sense together is {@link SpecValidator}'s job.
 */
public final class SpecReader {
    private SpecReader() {}

    public static Spec read(Json c) {
        c.object();
        return new Spec(
                c.string("ociVersion"),
                c.has("root") ? new Spec.Root(c.get("root").string("path"), c.get("root").bool("readonly")) : null,
                c.list("mounts", SpecReader::mount),
                c.has("process") ? process(c.get("process")) : null,
                c.string("hostname"),
                c.string("domainname"),
                c.has("hooks") ? hooks(c.get("hooks")) : null,
                c.stringMap("annotations"),
                c.has("linux") ? linux(c.get("linux")) : null);
    }

    static Spec.Mount mount(Json m) {
        return new Spec.Mount(m.string("destination"), m.string("type"), m.string("source"), m.strings("options"),
                m.list("uidMappings", SpecReader::idMapping), m.list("gidMappings", SpecReader::idMapping));
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
                        user.uint32("umask"), user.list("additionalGids", Json::asUint32)),
                p.strings("args"),
                p.strings("env"),
                p.string("cwd"),
                caps == null ? null : new Spec.Capabilities(caps.strings("bounding"), caps.strings("effective"),
                        caps.strings("inheritable"), caps.strings("permitted"), caps.strings("ambient")),
                p.list("rlimits", r -> new Spec.Rlimit(r.string("type"), r.required("soft").asUint64(),
                        r.required("hard").asUint64())),
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
        return new Spec.Hooks(h.list("prestart", SpecReader::hook), h.list("createRuntime", SpecReader::hook),
                h.list("createContainer", SpecReader::hook), h.list("startContainer", SpecReader::hook),
                h.list("poststart", SpecReader::hook), h.list("poststop", SpecReader::hook));
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
                l.list("namespaces", n -> new LinuxSpec.Namespace(n.string("type"), n.string("path"))),
                l.list("uidMappings", SpecReader::idMapping),
                l.list("gidMappings", SpecReader::idMapping),
                l.map("timeOffsets", t -> new LinuxSpec.TimeOffset(orZero(t.int64("secs")), orZero(t.uint32("nanosecs")))),
                l.list("devices", d -> new LinuxSpec.Device(d.string("type"), d.string("path"), d.int64("major"),
                        d.int64("minor"), d.uint32("fileMode"), d.uint32("uid"), d.uint32("gid"))),
                l.map("netDevices", n -> new LinuxSpec.NetDevice(n.string("name"))),
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
                s.list("syscalls", c -> new LinuxSpec.Syscall(c.strings("names"), c.string("action"), c.uint32("errnoRet"),
                        c.list("args", a -> new LinuxSpec.SyscallArg(orZero(a.uint32("index")), orZero(a.uint64("value")),
                                orZero(a.uint64("valueTwo")), a.string("op"))))));
    }

    static LinuxSpec.Resources resources(Json r) {
        Json mem = r.get("memory");
        Json cpu = r.get("cpu");
        Json pids = r.get("pids");
        Json blkio = r.get("blockIO");
        Json net = r.get("network");
        return new LinuxSpec.Resources(
                r.list("devices", d -> new LinuxSpec.DeviceRule(d.bool("allow"), d.string("type"), d.int64("major"),
                        d.int64("minor"), d.string("access"))),
                mem == null ? null : new LinuxSpec.Memory(mem.int64("limit"), mem.int64("reservation"), mem.int64("swap"),
                        mem.int64("kernel"), mem.int64("kernelTCP"), mem.uint64("swappiness"), mem.boolOrNull("disableOOMKiller"),
                        mem.boolOrNull("useHierarchy"), mem.boolOrNull("checkBeforeUpdate")),
                cpu == null ? null : new LinuxSpec.Cpu(cpu.uint64("shares"), cpu.int64("quota"), cpu.uint64("burst"),
                        cpu.uint64("period"), cpu.int64("realtimeRuntime"), cpu.uint64("realtimePeriod"), cpu.string("cpus"),
                        cpu.string("mems"), cpu.int64("idle")),
                pids == null ? null : new LinuxSpec.Pids(pids.int64("limit")),
                blkio == null ? null : new LinuxSpec.BlockIo(blkio.int32("weight"), blkio.int32("leafWeight"),
                        blkio.list("weightDevice", w -> new LinuxSpec.WeightDevice(orZero(w.int64("major")),
                                orZero(w.int64("minor")), w.int32("weight"), w.int32("leafWeight"))),
                        blkio.list("throttleReadBpsDevice", SpecReader::throttle),
                        blkio.list("throttleWriteBpsDevice", SpecReader::throttle),
                        blkio.list("throttleReadIOPSDevice", SpecReader::throttle),
                        blkio.list("throttleWriteIOPSDevice", SpecReader::throttle)),
                r.list("hugepageLimits", h -> new LinuxSpec.HugepageLimit(h.string("pageSize"), h.required("limit").asUint64())),
                net == null ? null : new LinuxSpec.Network(net.uint32("classID"), net.list("priorities",
                        p -> new LinuxSpec.InterfacePriority(p.string("name"), orZero(p.uint32("priority"))))),
                r.map("rdma", d -> new LinuxSpec.Rdma(d.uint32("hcaHandles"), d.uint32("hcaObjects"))),
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
