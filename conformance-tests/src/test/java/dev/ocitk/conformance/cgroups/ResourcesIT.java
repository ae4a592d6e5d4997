package dev.ocitk.conformance.cgroups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.ContainerCgroup;
import dev.ocitk.conformance.linux.support.ProcFs;
import dev.ocitk.conformance.linux.support.Programs;
import dev.ocitk.conformance.runtime.CommandResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * linux.resources (config-linux.md#memory, #cpu, #pids, #block-io), read back from the container's own cgroup: the
 * directories {@code /proc/<pid>/cgroup} names for the container process, in the hierarchies the host mounts. The
 * values differ from the kernel's defaults, so an ignored setting shows. On a v2-only host the v2 files are read;
 * where v2 has no file of the same meaning (shares, reservation, swap) the common conversion of runc and crun is
 * expected and the raw value recorded.
 */
@Tag("cgroups")
class ResourcesIT {

    private static final long MiB = 1024 * 1024;

    /**
     * Runs a waiting container with {@code resources}, returns its cgroup facts and its /proc status. A runtime may
     * support only some valid values, as long as it reports an error for the others (config.md#valid-values,
     * runtime.md#create): a create error must leave nothing behind, and then the test is skipped with the error,
     * since the setting cannot be observed.
     */
    private static Observed observe(RuntimeUnderTest runtime, Consumer<ObjectNode> resources) {
        Bundle bundle = runtime.bundle().args(Programs.waiting()).resources(resources).build();
        CommandResult create = runtime.tryCreate(bundle);
        if (!create.succeeded()) {
            assertThat(runtime.leftoversOf(bundle.containerId(), bundle)).as("what the failed create left").isEmpty();
            runtime.observe("cgroups.unsupported", bundle.config().path("linux").path("resources").toString());
            Assumptions.abort("the runtime reports an error for " + bundle.config().path("linux").path("resources")
                    + " (it may support a subset of values, config.md#valid-values): " + create.stderr().strip());
        }
        Container container = Programs.startAndAwaitRunning(runtime.container(bundle.containerId(), bundle));
        ContainerCgroup cgroup = ContainerCgroup.of(container.pid());
        Map<String, String> status = ProcFs.of(container.pid()).status();
        return new Observed(cgroup, status, container);
    }

    private record Observed(ContainerCgroup cgroup, Map<String, String> status, Container container) {
        Optional<String> read(String controller, String v1File, String v2File) {
            return cgroup.read(controller, v1File, v2File);
        }

        void finish() {
            Programs.finish(container);
        }
    }

    private static void assumeController(String controller) {
        ContainerCgroup own = ContainerCgroup.of(ProcessHandle.current().pid());
        Assumptions.assumeTrue(own.has(controller), () -> "the host has no " + controller + " controller where "
                + "resources go (layout " + own.layout().mode() + ")");
    }

    @ConformanceTest
    @Requirement({"cgroups.memory.limit", "cgroups.memory.reservation", "runtime.errors.no-side-effects"})
    void memoryLimitAndReservationAreTheCgroupsLimits(RuntimeUnderTest runtime) {
        assumeController("memory");
        Observed o = observe(runtime, r -> r.putObject("memory").put("limit", 96 * MiB).put("reservation", 48 * MiB));
        Optional<String> limit = o.read("memory", "memory.limit_in_bytes", "memory.max");
        Optional<String> soft = o.read("memory", "memory.soft_limit_in_bytes", "memory.low");
        o.finish();

        assertThat(limit).as("memory limit of the container cgroup").contains(Long.toString(96 * MiB));
        assertThat(soft).as("soft limit (v2: memory.low) of the container cgroup").contains(Long.toString(48 * MiB));
    }

    @ConformanceTest
    @Requirement({"cgroups.memory.swap", "runtime.errors.no-side-effects"})
    void memorySwapIsTheCgroupsMemoryPlusSwapLimit(RuntimeUnderTest runtime) {
        assumeController("memory");
        ContainerCgroup own = ContainerCgroup.of(ProcessHandle.current().pid());
        Assumptions.assumeTrue(own.unified() || own.dir("memory").map(d -> d.resolve("memory.memsw.limit_in_bytes").toFile().exists()).orElse(false),
                "the kernel does not account swap (no memory.memsw.limit_in_bytes; swapaccount=0)");
        Observed o = observe(runtime, r -> r.putObject("memory").put("limit", 96 * MiB).put("swap", 160 * MiB));
        Optional<String> swap = o.read("memory", "memory.memsw.limit_in_bytes", "memory.swap.max");
        boolean unified = o.cgroup().unified();
        o.finish();

        // v1 limits memory+swap together; v2's memory.swap.max is swap alone, so runc and crun write swap - limit.
        assertThat(swap).as("memory+swap limit of the container cgroup")
                .contains(Long.toString(unified ? 64 * MiB : 160 * MiB));
    }

    @ConformanceTest
    @Requirement({"cgroups.pids.limit", "runtime.errors.no-side-effects"})
    void pidsLimitIsTheCgroupsTaskLimit(RuntimeUnderTest runtime) {
        assumeController("pids");
        Observed o = observe(runtime, r -> r.putObject("pids").put("limit", 42));
        Optional<String> max = o.read("pids", "pids.max", "pids.max");
        o.finish();

        assertThat(max).as("pids.max of the container cgroup").contains("42");
    }

    @ConformanceTest
    @Requirement({"cgroups.cpu.shares", "runtime.errors.no-side-effects"})
    void cpuSharesAreTheCgroupsShares(RuntimeUnderTest runtime) {
        assumeController("cpu");
        Observed o = observe(runtime, r -> r.putObject("cpu").put("shares", 512));
        Optional<String> shares = o.read("cpu", "cpu.shares", "cpu.weight");
        boolean unified = o.cgroup().unified();
        o.finish();

        shares.ifPresent(v -> runtime.observe("cgroups.cpu.shares", v));
        // v2 has weights (1..10000, default 100); runc and crun convert 512 shares to 1 + (512-2)*9999/262142 = 20.
        assertThat(shares).as("CPU share of the container cgroup").contains(unified ? "20" : "512");
    }

    @ConformanceTest
    @Requirement({"cgroups.cpu.quota-period", "runtime.errors.no-side-effects"})
    void cpuQuotaAndPeriodAreTheCgroupsBandwidth(RuntimeUnderTest runtime) {
        assumeController("cpu");
        Observed o = observe(runtime, r -> r.putObject("cpu").put("quota", 25000).put("period", 125000));
        Optional<String> quota = o.read("cpu", "cpu.cfs_quota_us", "cpu.max");
        Optional<String> period = o.read("cpu", "cpu.cfs_period_us", "cpu.max");
        boolean unified = o.cgroup().unified();
        o.finish();

        if (unified) {
            assertThat(quota).as("cpu.max of the container cgroup").contains("25000 125000");
        } else {
            assertThat(quota).as("cpu.cfs_quota_us of the container cgroup").contains("25000");
            assertThat(period).as("cpu.cfs_period_us of the container cgroup").contains("125000");
        }
    }

    @ConformanceTest
    @Requirement({"cgroups.cpu.cpuset", "runtime.errors.no-side-effects"})
    void cpusetLimitsTheContainerToTheConfiguredCpusAndNodes(RuntimeUnderTest runtime) {
        assumeController("cpuset");
        // The last CPU the harness may use: unlike the first, a runtime that ignored cpus would not produce it.
        String allowed = ProcFs.self().status("Cpus_allowed_list");
        Assumptions.assumeTrue(allowed.contains(",") || allowed.contains("-"),
                "the harness may use one CPU only (" + allowed + "): an applied cpuset would look like an ignored one");
        String last = allowed.substring(Math.max(allowed.lastIndexOf(','), allowed.lastIndexOf('-')) + 1);
        String mems = ProcFs.self().status("Mems_allowed_list").split("[,-]")[0];
        Observed o = observe(runtime, r -> r.putObject("cpu").put("cpus", last).put("mems", mems));
        Optional<String> cpus = o.read("cpuset", "cpuset.cpus", "cpuset.cpus");
        Optional<String> nodes = o.read("cpuset", "cpuset.mems", "cpuset.mems");
        String processCpus = o.status().get("Cpus_allowed_list");
        o.finish();

        assertThat(cpus).as("cpuset.cpus of the container cgroup").contains(last);
        assertThat(nodes).as("cpuset.mems of the container cgroup").contains(mems);
        assertThat(processCpus).as("CPUs the container process may run on").isEqualTo(last);
    }

    @ConformanceTest
    @Requirement({"cgroups.blkio.weight", "runtime.errors.no-side-effects"})
    void blockIoWeightIsTheCgroupsWeight(RuntimeUnderTest runtime) {
        assumeController("blkio");
        // Whether the kernel offers a weight depends on the I/O scheduler (CFQ: blkio.weight, BFQ: blkio.bfq.weight;
        // none or mq-deadline offer neither). A container without a weight shows which files its cgroup has.
        Observed probe = observe(runtime, r -> { });
        Optional<String> cfq = probe.read("blkio", "blkio.weight", "io.weight");
        Optional<String> bfq = probe.read("blkio", "blkio.bfq.weight", "io.bfq.weight");
        probe.finish();
        Assumptions.assumeTrue(cfq.isPresent() || bfq.isPresent(),
                "the kernel offers no block IO weight (no blkio.weight or blkio.bfq.weight: neither CFQ nor BFQ is in use)");

        Observed o = observe(runtime, r -> r.putObject("blockIO").put("weight", 333));
        Optional<String> weight = cfq.isPresent() ? o.read("blkio", "blkio.weight", "io.weight")
                : o.read("blkio", "blkio.bfq.weight", "io.bfq.weight");
        o.finish();

        // v1 prints the number, v2 "default 333" (plus per-device lines).
        assertThat(weight).as("block IO weight of the container cgroup").hasValueSatisfying(
                w -> assertThat(w.lines().findFirst().orElse("")).matches("(default )?333"));
    }
}
