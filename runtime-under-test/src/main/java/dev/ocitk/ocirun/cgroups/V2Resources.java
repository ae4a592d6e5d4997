package dev.ocitk.ocirun.cgroups;

import dev.ocitk.ocirun.Log;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.spec.LinuxSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ocitk.ocirun.spec.Nulls.list;
import static dev.ocitk.ocirun.spec.Nulls.map;

/**
 * Maps {@code linux.resources} onto cgroup v2 files, converting the v1-shaped settings the way the
 * kernel documentation and runc do (shares to weight, memory+swap to swap alone), then the
 * {@code unified} map verbatim (config-linux.md#unified: unknown keys are still written).
 * A file's controller is the part of its name before the first dot.
 */
public final class V2Resources {
    private static final java.util.Set<String> PER_DEVICE = java.util.Set.of("rdma.max", "io.max", "io.weight");

    private V2Resources() {}

    public record Write(String file, String value, String setting) {
        /** The controller that must be enabled for the file, or null for core cgroup.* files. */
        public String controller() {
            String c = file.substring(0, file.indexOf('.') < 0 ? file.length() : file.indexOf('.'));
            return c.equals("cgroup") ? null : c;
        }
    }

    public static List<Write> plan(LinuxSpec.Resources r) {
        Map<String, Write> w = new LinkedHashMap<>();
        if (r == null) {
            return List.of();
        }
        memory(r.memory(), w);
        if (r.pids() != null && r.pids().limit() != null) {
            long l = r.pids().limit();
            put(w, "pids.max", l < 0 ? "max" : Long.toString(l), "pids.limit");
        }
        cpu(r.cpu(), w);
        io(r.blockIO(), w);
        for (LinuxSpec.HugepageLimit h : list(r.hugepageLimits())) {
            put(w, "hugetlb." + h.pageSize() + ".max", Long.toUnsignedString(h.limit()), "hugepageLimits");
        }
        if (r.network() != null && (r.network().classID() != null || !list(r.network().priorities()).isEmpty())) {
            throw new OcirunException("linux.resources.network needs the net_cls/net_prio controllers, which cgroup v2 does not have");
        }
        List<String> rdma = new ArrayList<>();
        map(r.rdma()).forEach((dev, v) -> rdma.add(V1Resources.rdmaLine(dev, v)));
        for (String line : rdma) {
            put(w, "rdma.max", line, "rdma");
        }
        List<Write> out = new ArrayList<>(w.values());
        for (Map.Entry<String, String> e : map(r.unified()).entrySet()) {
            out.removeIf(x -> x.file().equals(e.getKey()));
            out.add(new Write(e.getKey(), e.getValue(), "unified " + e.getKey()));
        }
        return out;
    }

    private static void put(Map<String, Write> w, String file, String value, String setting) {
        // Files that take one line per device get one write per line.
        String key = w.containsKey(file) && PER_DEVICE.contains(file) ? file + "#" + w.size() : file;
        w.put(key, new Write(file, value, setting));
    }

    /** cgroup v1 cpu.shares (2..262144) to v2 cpu.weight (1..10000), the kernel's documented mapping. */
    public static long sharesToWeight(long shares) {
        return 1 + ((shares - 2) * 9999) / 262142;
    }

    /** blkio weight (10..1000) to io weight (1..10000). */
    public static long blkioWeightToIo(long weight) {
        return 1 + ((weight - 10) * 9999) / 990;
    }

    private static void memory(LinuxSpec.Memory m, Map<String, Write> w) {
        if (m == null) {
            return;
        }
        if (m.limit() != null) {
            put(w, "memory.max", m.limit() < 0 ? "max" : Long.toString(m.limit()), "memory.limit");
        }
        if (m.reservation() != null) {
            put(w, "memory.low", m.reservation() < 0 ? "max" : Long.toString(m.reservation()), "memory.reservation");
        }
        if (m.swap() != null) {
            // v1 limits memory+swap, v2 limits swap alone.
            String v;
            if (m.swap() < 0) {
                v = "max";
            } else if (m.limit() == null || m.limit() < 0) {
                throw new OcirunException("linux.resources.memory.swap needs memory.limit on cgroup v2");
            } else if (m.swap() < m.limit()) {
                throw new OcirunException("linux.resources.memory.swap (" + m.swap() + ") must not be below memory.limit ("
                        + m.limit() + ")");
            } else {
                v = Long.toString(m.swap() - m.limit());
            }
            put(w, "memory.swap.max", v, "memory.swap");
        }
        if (m.kernel() != null || m.kernelTCP() != null) {
            Log.warn("linux.resources.memory.kernel and kernelTCP have no cgroup v2 equivalent and are ignored");
        }
        if (m.swappiness() != null) {
            throw new OcirunException("linux.resources.memory.swappiness is not supported on cgroup v2");
        }
        if (Boolean.TRUE.equals(m.disableOOMKiller())) {
            throw new OcirunException("linux.resources.memory.disableOOMKiller is not supported on cgroup v2");
        }
    }

    private static void cpu(LinuxSpec.Cpu c, Map<String, Write> w) {
        if (c == null) {
            return;
        }
        if (c.shares() != null && c.shares() != 0) {
            put(w, "cpu.weight", Long.toString(sharesToWeight(c.shares())), "cpu.shares");
        }
        if ((c.quota() != null && c.quota() != 0) || (c.period() != null && c.period() != 0)) {
            String quota = c.quota() == null || c.quota() <= 0 ? "max" : Long.toString(c.quota());
            String period = c.period() == null || c.period() == 0 ? "100000" : Long.toUnsignedString(c.period());
            put(w, "cpu.max", quota + " " + period, "cpu.quota");
        }
        if (c.burst() != null) {
            put(w, "cpu.max.burst", Long.toUnsignedString(c.burst()), "cpu.burst");
        }
        if ((c.realtimeRuntime() != null && c.realtimeRuntime() != 0) || (c.realtimePeriod() != null && c.realtimePeriod() != 0)) {
            throw new OcirunException("linux.resources.cpu.realtimeRuntime/realtimePeriod are not supported on cgroup v2");
        }
        if (c.idle() != null) {
            put(w, "cpu.idle", Long.toString(c.idle()), "cpu.idle");
        }
        if (c.cpus() != null && !c.cpus().isEmpty()) {
            put(w, "cpuset.cpus", c.cpus(), "cpu.cpus");
        }
        if (c.mems() != null && !c.mems().isEmpty()) {
            put(w, "cpuset.mems", c.mems(), "cpu.mems");
        }
    }

    private static void io(LinuxSpec.BlockIo b, Map<String, Write> w) {
        if (b == null) {
            return;
        }
        if (b.weight() != null) {
            put(w, "io.weight", Long.toString(blkioWeightToIo(b.weight())), "blockIO.weight");
        }
        if (b.leafWeight() != null) {
            throw new OcirunException("linux.resources.blockIO.leafWeight is not supported on cgroup v2");
        }
        for (LinuxSpec.WeightDevice d : list(b.weightDevice())) {
            if (d.weight() != null) {
                put(w, "io.weight", d.major() + ":" + d.minor() + " " + blkioWeightToIo(d.weight()), "blockIO.weightDevice");
            }
        }
        Map<String, StringBuilder> max = new LinkedHashMap<>();
        limit(max, b.throttleReadBpsDevice(), "rbps");
        limit(max, b.throttleWriteBpsDevice(), "wbps");
        limit(max, b.throttleReadIOPSDevice(), "riops");
        limit(max, b.throttleWriteIOPSDevice(), "wiops");
        max.forEach((dev, line) -> put(w, "io.max", dev + line, "blockIO.throttle"));
    }

    private static void limit(Map<String, StringBuilder> max, List<LinuxSpec.ThrottleDevice> devices, String key) {
        for (LinuxSpec.ThrottleDevice d : list(devices)) {
            max.computeIfAbsent(d.major() + ":" + d.minor(), k -> new StringBuilder())
                    .append(' ').append(key).append('=').append(Long.toUnsignedString(d.rate()));
        }
    }
}
