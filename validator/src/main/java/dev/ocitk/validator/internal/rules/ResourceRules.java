package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;

import java.util.List;
import java.util.regex.Pattern;

/** linux.resources (config-linux.md#control-groups): relations between limits the schema cannot express. */
public final class ResourceRules implements RuleSet {

    private static final Pattern PAGE_SIZE = Pattern.compile("[1-9][0-9]*[KMGTPE]?B");
    // A file of the cgroup v2 unified hierarchy: controller.name, and never a path.
    private static final Pattern UNIFIED_KEY = Pattern.compile("[a-z0-9_]+\\.[A-Za-z0-9_.\\-]+");

    public static final Rule SWAP_BELOW_LIMIT = new Rule("linux.resources.memory.swap-below-limit", Level.ERROR,
            "config-linux.md#memory", "memory.swap (memory plus swap) is not below memory.limit when both are set.");
    public static final Rule RESERVATION_ABOVE_LIMIT = new Rule("linux.resources.memory.reservation-above-limit",
            Level.WARNING, "config-linux.md#memory", "memory.reservation (the soft limit) is not above memory.limit.");
    public static final Rule KERNEL_MEMORY = new Rule("linux.resources.memory.kernel", Level.WARNING,
            "config-linux.md#memory", "memory.kernel and memory.kernelTCP are not set: the spec does not recommend"
            + " them and recent kernels ignore them.");
    public static final Rule BURST_ABOVE_QUOTA = new Rule("linux.resources.cpu.burst-above-quota", Level.ERROR,
            "config-linux.md#cpu", "cpu.burst is not larger than a positive cpu.quota.");
    public static final Rule CPU_LIST_FORMAT = new Rule("linux.resources.cpu.list-format", Level.ERROR,
            "config-linux.md#cpu", "cpu.cpus and cpu.mems are lists such as 0-3,7.");
    public static final Rule HUGEPAGE_SIZE = new Rule("linux.resources.hugepageLimits.pageSize", Level.ERROR,
            "config-linux.md#huge-page-limits", "hugepageLimits pageSize has the form <size><unit-prefix>B, e.g. 2MB.");
    public static final Rule UNIFIED_KEY_FORMAT = new Rule("linux.resources.unified.key", Level.ERROR,
            "config-linux.md#unified", "unified keys name a file of the container's cgroup (controller.file), never"
                    + " a path.");

    @Override
    public List<Rule> rules() {
        return List.of(SWAP_BELOW_LIMIT, RESERVATION_ABOVE_LIMIT, KERNEL_MEMORY, BURST_ABOVE_QUOTA, CPU_LIST_FORMAT,
                HUGEPAGE_SIZE, UNIFIED_KEY_FORMAT);
    }

    @Override
    public void check(CheckContext ctx) {
        Nodes.At resources = ctx.root().get("linux").get("resources");
        if (!resources.isObject()) {
            return;
        }
        Nodes.At memory = resources.get("memory");
        Long limit = memory.get("limit").longValue();
        Long swap = memory.get("swap").longValue();
        Long reservation = memory.get("reservation").longValue();
        if (limit != null && limit > 0 && swap != null && swap > 0 && swap < limit) {
            ctx.report(SWAP_BELOW_LIMIT, memory.get("swap").pointer(), "swap " + swap + " (memory plus swap) is below"
                    + " limit " + limit + "; the kernel refuses it");
        }
        if (limit != null && limit > 0 && reservation != null && reservation > limit) {
            ctx.report(RESERVATION_ABOVE_LIMIT, memory.get("reservation").pointer(), "reservation " + reservation
                    + " is above limit " + limit + " and can never apply");
        }
        for (String field : List.of("kernel", "kernelTCP")) {
            if (memory.get(field).present()) {
                ctx.report(KERNEL_MEMORY, memory.get(field).pointer(), "memory." + field
                        + " is not recommended by the spec, and Linux 5.16 and later have no such limit");
            }
        }
        Nodes.At cpu = resources.get("cpu");
        Long quota = cpu.get("quota").longValue();
        Long burst = cpu.get("burst").longValue();
        if (quota != null && quota > 0 && burst != null && burst > quota) {
            ctx.report(BURST_ABOVE_QUOTA, cpu.get("burst").pointer(), "burst " + burst + " is larger than quota " + quota);
        }
        for (String field : List.of("cpus", "mems")) {
            String list = cpu.get(field).text();
            String problem = list == null ? null : Paths.cpuListProblem(list);
            if (problem != null) {
                ctx.report(CPU_LIST_FORMAT, cpu.get(field).pointer(), field + " " + Messages.quote(list) + " " + problem);
            }
        }
        for (Nodes.At limitEntry : resources.get("hugepageLimits").elements()) {
            String size = limitEntry.get("pageSize").text();
            if (size != null && !PAGE_SIZE.matcher(size).matches()) {
                ctx.report(HUGEPAGE_SIZE, limitEntry.get("pageSize").pointer(), "pageSize " + Messages.quote(size)
                        + " is not of the form <size><unit-prefix>B (e.g. 64KB, 2MB, 1GB)");
            }
        }
        for (Nodes.Member entry : resources.get("unified").members()) {
            if (!UNIFIED_KEY.matcher(entry.name()).matches()) {
                ctx.report(UNIFIED_KEY_FORMAT, entry.value().pointer(), "unified key " + Messages.quote(entry.name())
                        + (entry.name().contains("/") ? " is a path, which could reach outside the container's cgroup"
                        : " does not name a cgroup file (controller.file, e.g. memory.max)"));
            }
        }
    }
}
