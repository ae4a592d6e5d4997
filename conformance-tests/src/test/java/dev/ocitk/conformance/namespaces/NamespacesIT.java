package dev.ocitk.conformance.namespaces;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.BundleBuilder;
import dev.ocitk.conformance.host.HostFacts;
import dev.ocitk.conformance.junit.ConformanceExtension;
import dev.ocitk.conformance.linux.support.NamespaceHolder;
import dev.ocitk.conformance.linux.support.ProcFs;
import dev.ocitk.conformance.linux.support.Programs;
import dev.ocitk.conformance.runtime.CommandResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static dev.ocitk.conformance.RuntimeAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * linux.namespaces (config-linux.md#namespaces). A namespace is identified by the inode number of
 * {@code /proc/<pid>/ns/<type>}; the container's is compared with the runtime's ({@link HostFacts#runtimeNamespaceInode}:
 * the harness's, or a wrapper's own mount namespace), the host's, and namespaces the test makes itself with a
 * {@link NamespaceHolder} it kills afterwards.
 */
@Tag("namespaces")
@ExtendWith(ConformanceExtension.class)
class NamespacesIT {

    /** A container of {@code type} in a new user namespace needs ID mappings; host IDs far from real users. */
    private static BundleBuilder withNamespace(BundleBuilder b, String type) {
        b.namespace(type);
        if (type.equals("user")) {
            b.edit(c -> {
                ObjectNode linux = c.withObjectProperty("linux");
                for (String m : List.of("uidMappings", "gidMappings")) {
                    linux.putArray(m).addObject().put("containerID", 0).put("hostID", 1_000_000).put("size", 65536);
                }
            });
        }
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pid", "network", "mount", "ipc", "uts", "user", "cgroup"})
    @Requirement("namespaces.types.supported")
    void namespaceTypeIsSupported(String type, RuntimeUnderTest runtime) {
        assertRunsWithNewNamespace(runtime, type);
    }

    @ConformanceTest
    @Requirement("namespaces.types.time-supported")
    void timeNamespaceIsSupported(RuntimeUnderTest runtime) {
        Assumptions.assumeTrue(ProcFs.self().hasNamespaceFile("time"), "the kernel has no time namespaces (Linux < 5.6)");
        assertRunsWithNewNamespace(runtime, "time");
    }

    private static void assertRunsWithNewNamespace(RuntimeUnderTest runtime, String type) {
        Bundle bundle = withNamespace(runtime.bundle().args(Programs.waiting()), type).build();
        CommandResult create = runtime.tryCreate(bundle);
        assertThat(create.succeeded()).as("create of a container with a new %s namespace:\n%s", type, create).isTrue();
        Programs.finish(Programs.startAndAwaitRunning(runtime.container(bundle.containerId(), bundle)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pid", "network", "mount", "ipc", "uts", "user", "cgroup", "time"})
    @Requirement("namespaces.new.created")
    void listedNamespaceWithoutPathIsNew(String type, RuntimeUnderTest runtime) {
        String file = NamespaceHolder.nsFile(type);
        Assumptions.assumeTrue(ProcFs.self().hasNamespaceFile(file), "the kernel has no " + type + " namespaces");
        Bundle bundle = withNamespace(runtime.bundle().args(Programs.waiting()), type).build();
        CommandResult create = runtime.tryCreate(bundle);
        Assumptions.assumeTrue(create.succeeded(), () -> "the runtime does not support a new " + type
                + " namespace (see namespaceTypeIsSupported): " + create.stderr().strip());

        Container container = Programs.startAndAwaitRunning(runtime.container(bundle.containerId(), bundle));
        long seen = inode(container.pid(), file);
        Programs.finish(container);

        assertThat(seen).as("%s namespace of the container process", type)
                .isNotEqualTo(runtime.host().runtimeNamespaceInode(file)).isNotEqualTo(inode(ProcFs.self().pid(), file));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pid", "network", "ipc", "uts", "user", "cgroup", "time"})
    @Requirement("namespaces.unlisted.inherited")
    void unlistedNamespaceIsTheRuntimes(String type, RuntimeUnderTest runtime) {
        // Not run for mount: without its own mount namespace the runtime would build the container's rootfs in
        // its caller's mount table, which on a shared host is the host's.
        String file = NamespaceHolder.nsFile(type);
        Assumptions.assumeTrue(ProcFs.self().hasNamespaceFile(file), "the kernel has no " + type + " namespaces");
        BundleBuilder builder = runtime.bundle().args(Programs.waiting()).withoutNamespace(type);
        if (type.equals("uts")) {
            // Setting a hostname needs a UTS namespace of the container's own; a hostname here would be the host's.
            builder.edit(c -> c.remove("hostname"));
        }
        Bundle bundle = builder.build();

        Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
        long seen = inode(container.pid(), file);
        Programs.finish(container);

        assertThat(seen).as("%s namespace of the container process; the config does not list the type", type)
                .isEqualTo(runtime.host().runtimeNamespaceInode(file));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pid", "network", "mount", "ipc", "uts", "cgroup"})
    @Requirement("namespaces.path.joined")
    void namespaceWithPathIsJoined(String type, RuntimeUnderTest runtime) {
        try (NamespaceHolder holder = NamespaceHolder.start(List.of(type))) {
            Bundle bundle = runtime.bundle().args(Programs.waiting()).namespace(type, holder.path(type)).build();

            Container container = Programs.startAndAwaitRunning(runtime.create(bundle));
            long seen = inode(container.pid(), NamespaceHolder.nsFile(type));
            Programs.finish(container);

            assertThat(seen).as("%s namespace of the container process, configured as %s", type, holder.path(type))
                    .isEqualTo(HostFacts.namespaceInode(Path.of(holder.path(type))));
        }
    }

    @ConformanceTest
    @Requirement({"namespaces.path.wrong-type-error", "runtime.errors.no-side-effects"})
    void pathToANamespaceOfAnotherTypeIsAnError(RuntimeUnderTest runtime) {
        try (NamespaceHolder holder = NamespaceHolder.start(List.of("ipc"))) {
            Bundle bundle = runtime.bundle().args(Programs.waiting()).namespace("uts", holder.path("ipc")).build();

            assertError(runtime.tryCreate(bundle), "create with a uts namespace whose path is an ipc namespace");

            assertThat(runtime.leftoversOf(bundle.containerId(), bundle)).as("what the failed create left").isEmpty();
            assertThat(bundle.out(Programs.RUNNING)).as("mark of the program").isEmpty();
        }
    }

    private static long inode(long pid, String nsFile) {
        return HostFacts.namespaceInode(Path.of("/proc/" + pid + "/ns/" + nsFile));
    }

    @ConformanceTest
    @Requirement({"namespaces.duplicate-type-error", "runtime.errors.no-side-effects"})
    void twoEntriesOfOneTypeAreAnError(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle().args(Programs.waiting()).edit(c -> {
            ArrayNode nss = c.withObjectProperty("linux").withArrayProperty("namespaces");
            nss.addObject().put("type", "ipc");
        }).buildUnvalidated();

        assertError(runtime.tryCreate(bundle), "create with two ipc namespace entries");

        assertThat(runtime.leftoversOf(bundle.containerId(), bundle)).as("what the failed create left").isEmpty();
    }
}
