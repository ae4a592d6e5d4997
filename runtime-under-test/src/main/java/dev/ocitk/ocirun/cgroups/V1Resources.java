package dev.ocitk.ocirun.cgroups;

import dev.ocitk.ocirun.Log;
import dev.ocitk.ocirun.spec.LinuxSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ocitk.ocirun.spec.Nulls.list;
import static dev.ocitk.ocirun.spec.Nulls.map;

/**
 * Maps {@code linux.resources} (config-linux.md#control-groups) onto cgroup v1 file writes, in the
 * order the kernel needs (a CFS period before its quota, the memory limit before memory+swap).
 */
public final class V1Resources {
    private V1Resources() {}

    /**
     * One file write.
     *
     * @param controller the controller whose hierarchy holds the file
     * @param files      candidate file names, the first that exists is written (e.g. CFQ vs BFQ weights)
     * @param value      what to write
     * @param setting    the config property, for error messages
     */
    public record Write(String controller, List<String> files, String value, String setting) {
        Write(String controller, String file, String value, String setting) {
            this(controller, List.of(file), value, setting);
        }
    }

    public static List<Write> plan(LinuxSpec.Resources r) {
        List<Write> w = new ArrayList<>();
        if (r == null) {
            return w;
        }
        memory(r.memory(), w);
        if (r.pids() != null && r.pids().limit() != null) {
            long l = r.pids().limit();
            w.add(new Write("pids", "pids.max", l < 0 ? "max" : Long.toString(l), "pids.limit"));
        }
        cpu(r.cpu(), w);
        blkio(r.blockIO(), w);
        for (LinuxSpec.HugepageLimit h : list(r.hugepageLimits())) {
            w.add(new Write("hugetlb", "hugetlb." + h.pageSize() + ".limit_in_bytes",
                    Long.toUnsignedString(h.limit()), "hugepageLimits " + h.pageSize()));
        }
        if (r.network() != null) {
            if (r.network().classID() != null) {
                w.add(new Write("net_cls", "net_cls.classid", Long.toString(r.network().classID()), "network.classID"));
            }
            for (LinuxSpec.InterfacePriority p : list(r.network().priorities())) {
                w.add(new Write("net_prio", "net_prio.ifpriomap", p.name() + " " + p.priority(), "network.priorities"));
            }
        }
        for (Map.Entry<String, LinuxSpec.Rdma> e : map(r.rdma()).entrySet()) {
            w.add(new Write("rdma", "rdma.max", rdmaLine(e.getKey(), e.getValue()), "rdma " + e.getKey()));
        }
        return w;
    }

    static String rdmaLine(String device, LinuxSpec.Rdma r) {
        StringBuilder sb = new StringBuilder(device);
        if (r.hcaHandles() != null) {
            sb.append(" hca_handle=").append(r.hcaHandles());
        }
        if (r.hcaObjects() != null) {
            sb.append(" hca_object=").append(r.hcaObjects());
        }
        return sb.toString();
    }

    private static void memory(LinuxSpec.Memory m, List<Write> w) {
        if (m == null) {
            return;
        }
        if (m.limit() != null) {
            w.add(new Write("memory", "memory.limit_in_bytes", Long.toString(m.limit()), "memory.limit"));
        }
        if (m.swap() != null) {
            w.add(new Write("memory", "memory.memsw.limit_in_bytes", Long.toString(m.swap()), "memory.swap"));
        }
        if (m.reservation() != null) {
            w.add(new Write("memory", "memory.soft_limit_in_bytes", Long.toString(m.reservation()), "memory.reservation"));
        }
        if (m.kernel() != null) {
            // NOT RECOMMENDED in the spec and gone from current kernels: runc ignores it too.
            Log.warn("linux.resources.memory.kernel is deprecated and ignored");
        }
        if (m.kernelTCP() != null) {
            w.add(new Write("memory", "memory.kmem.tcp.limit_in_bytes", Long.toString(m.kernelTCP()), "memory.kernelTCP"));
        }
        if (m.swappiness() != null) {
            w.add(new Write("memory", "memory.swappiness", Long.toUnsignedString(m.swappiness()), "memory.swappiness"));
        }
        if (Boolean.TRUE.equals(m.disableOOMKiller())) {
            w.add(new Write("memory", "memory.oom_control", "1", "memory.disableOOMKiller"));
        }
        if (m.useHierarchy() != null) {
            w.add(new Write("memory", "memory.use_hierarchy", m.useHierarchy() ? "1" : "0", "memory.useHierarchy"));
        }
    }

    private static void cpu(LinuxSpec.Cpu c, List<Write> w) {
        if (c == null) {
            return;
        }
        if (c.shares() != null && c.shares() != 0) {
            w.add(new Write("cpu", "cpu.shares", Long.toUnsignedString(c.shares()), "cpu.shares"));
        }
        if (c.period() != null && c.period() != 0) {
            w.add(new Write("cpu", "cpu.cfs_period_us", Long.toUnsignedString(c.period()), "cpu.period"));
        }
        if (c.quota() != null && c.quota() != 0) {
            w.add(new Write("cpu", "cpu.cfs_quota_us", Long.toString(c.quota()), "cpu.quota"));
        }
        if (c.burst() != null) {
            w.add(new Write("cpu", "cpu.cfs_burst_us", Long.toUnsignedString(c.burst()), "cpu.burst"));
        }
        if (c.realtimePeriod() != null && c.realtimePeriod() != 0) {
            w.add(new Write("cpu", "cpu.rt_period_us", Long.toUnsignedString(c.realtimePeriod()), "cpu.realtimePeriod"));
        }
        if (c.realtimeRuntime() != null && c.realtimeRuntime() != 0) {
            w.add(new Write("cpu", "cpu.rt_runtime_us", Long.toString(c.realtimeRuntime()), "cpu.realtimeRuntime"));
        }
        if (c.idle() != null) {
            w.add(new Write("cpu", "cpu.idle", Long.toString(c.idle()), "cpu.idle"));
        }
        if (c.cpus() != null && !c.cpus().isEmpty()) {
            w.add(new Write("cpuset", "cpuset.cpus", c.cpus(), "cpu.cpus"));
        }
        if (c.mems() != null && !c.mems().isEmpty()) {
            w.add(new Write("cpuset", "cpuset.mems", c.mems(), "cpu.mems"));
        }
    }

    private static void blkio(LinuxSpec.BlockIo b, List<Write> w) {
        if (b == null) {
            return;
        }
        if (b.weight() != null) {
            w.add(new Write("blkio", List.of("blkio.weight", "blkio.bfq.weight"), Integer.toString(b.weight()),
                    "blockIO.weight"));
        }
        if (b.leafWeight() != null) {
            w.add(new Write("blkio", "blkio.leaf_weight", Integer.toString(b.leafWeight()), "blockIO.leafWeight"));
        }
        for (LinuxSpec.WeightDevice d : list(b.weightDevice())) {
            if (d.weight() != null) {
                w.add(new Write("blkio", List.of("blkio.weight_device", "blkio.bfq.weight_device"),
                        d.major() + ":" + d.minor() + " " + d.weight(), "blockIO.weightDevice"));
            }
            if (d.leafWeight() != null) {
                w.add(new Write("blkio", "blkio.leaf_weight_device", d.major() + ":" + d.minor() + " " + d.leafWeight(),
                        "blockIO.weightDevice.leafWeight"));
            }
        }
        throttle("blkio.throttle.read_bps_device", b.throttleReadBpsDevice(), "blockIO.throttleReadBpsDevice", w);
        throttle("blkio.throttle.write_bps_device", b.throttleWriteBpsDevice(), "blockIO.throttleWriteBpsDevice", w);
        throttle("blkio.throttle.read_iops_device", b.throttleReadIOPSDevice(), "blockIO.throttleReadIOPSDevice", w);
        throttle("blkio.throttle.write_iops_device", b.throttleWriteIOPSDevice(), "blockIO.throttleWriteIOPSDevice", w);
    }

    private static void throttle(String file, List<LinuxSpec.ThrottleDevice> devices, String setting, List<Write> w) {
        for (LinuxSpec.ThrottleDevice d : list(devices)) {
            w.add(new Write("blkio", file, d.major() + ":" + d.minor() + " " + Long.toUnsignedString(d.rate()), setting));
        }
    }
}
