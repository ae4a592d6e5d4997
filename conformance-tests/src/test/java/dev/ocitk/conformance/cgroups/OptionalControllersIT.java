package dev.ocitk.conformance.cgroups;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.linux.support.CgroupLayout;
import dev.ocitk.conformance.linux.support.ContainerCgroup;
import dev.ocitk.conformance.linux.support.Programs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resources whose controller many hosts lack: hugetlb, net_cls (v1 only) and the v2 {@code unified} map. Each test
 * skips, naming the missing piece, where the host cannot show the setting.
 */
@Tag("cgroups")
class OptionalControllersIT {

    private static ContainerCgroup own() {
        return ContainerCgroup.of(ProcessHandle.current().pid());
    }

    @ConformanceTest
    @Requirement("cgroups.hugetlb.limit")
    void hugepageLimitIsTheCgroupsHugetlbLimit(RuntimeUnderTest runtime) throws IOException {
        Assumptions.assumeTrue(own().has("hugetlb"), () -> own().unified()
                ? "the cgroup v2 hierarchy does not offer the hugetlb controller"
                : "the host has no hugetlb v1 hierarchy (layout " + own().layout().mode()
                        + "; a hybrid host's v2 mount is not used for resources)");
        Optional<String> size = smallestHugePageSize();
        Assumptions.assumeTrue(size.isPresent(), "the kernel offers no huge page sizes (/sys/kernel/mm/hugepages)");
        long limit = 4L * 1024 * 1024 * 1024;
        Bundle bundle = runtime.bundle().args(Programs.waiting()).resources(r -> r.putArray("hugepageLimits")
                .addObject().put("pageSize", size.get()).put("limit", limit)).build();

        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        Optional<String> seen = ContainerCgroup.of(container.pid()).read("hugetlb",
                "hugetlb." + size.get() + ".limit_in_bytes", "hugetlb." + size.get() + ".max");
        Programs.finish(container);

        assertThat(seen).as("hugetlb limit for %s pages of the container cgroup", size.get()).contains(Long.toString(limit));
    }

    /** The smallest huge page size in the format config-linux.md#huge-page-limits uses (2MB, 1GB). */
    private static Optional<String> smallestHugePageSize() throws IOException {
        Path dir = Path.of("/sys/kernel/mm/hugepages");
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString().replaceAll("\\D", "")).filter(s -> !s.isEmpty())
                    .map(Long::parseLong).sorted().findFirst().map(OptionalControllersIT::pageSizeName);
        }
    }

    static String pageSizeName(long kib) {
        if (kib % (1024 * 1024) == 0) return kib / (1024 * 1024) + "GB";
        if (kib % 1024 == 0) return kib / 1024 + "MB";
        return kib + "KB";
    }

    @ConformanceTest
    @Requirement("cgroups.network.class-id")
    void networkClassIdIsTheCgroupsClassId(RuntimeUnderTest runtime) {
        Assumptions.assumeTrue(!own().unified() && own().layout().v1("net_cls").isPresent(),
                "the host has no net_cls controller (a v1 hierarchy; cgroup v2 has none)");
        Bundle bundle = runtime.bundle().args(Programs.waiting())
                .resources(r -> r.putObject("network").put("classID", 1048577)).build();

        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        Optional<String> seen = ContainerCgroup.of(container.pid()).read("net_cls", "net_cls.classid", "net_cls.classid");
        Programs.finish(container);

        assertThat(seen).as("net_cls.classid of the container cgroup").contains("1048577");
    }

    @ConformanceTest
    @Requirement("cgroups.unified.written")
    void unifiedEntriesAreWrittenToTheContainersV2Cgroup(RuntimeUnderTest runtime) {
        ContainerCgroup own = own();
        Assumptions.assumeTrue(own.layout().mode() == CgroupLayout.Mode.V2,
                "linux.resources.unified needs a cgroup v2 (unified) host; this one is " + own.layout().mode());
        Assumptions.assumeTrue(own.layout().v2Controllers().contains("pids"),
                "the v2 hierarchy does not offer the pids controller");
        Bundle bundle = runtime.bundle().args(Programs.waiting())
                .resources(r -> r.putObject("unified").put("pids.max", "37")).build();

        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        Optional<String> seen = ContainerCgroup.of(container.pid()).read("pids", "pids.max", "pids.max");
        Programs.finish(container);

        assertThat(seen).as("pids.max written through unified").contains("37");
    }
}
