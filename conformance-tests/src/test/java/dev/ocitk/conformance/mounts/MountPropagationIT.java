package dev.ocitk.conformance.mounts;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.BundleBuilder;

import org.junit.jupiter.api.Tag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.ocitk.conformance.bundle.Shell.awaitRelease;
import static dev.ocitk.conformance.bundle.Shell.sh;
import static dev.ocitk.conformance.mounts.MountTypesIT.bind;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mount propagation: the propagation options of config.md#linux-mount-options, read from the optional fields of
 * the container's mountinfo, and rootfsPropagation (config-linux.md#rootfs-mount-propagation), including its
 * effect: with slave a mount made on the runtime side under the rootfs appears in the container, with private it
 * does not. The runtime side is the runtime's mount namespace ({@link RuntimeSide}); there the rootfs is first made
 * a shared mount, since only a shared mount has events to propagate.
 */
@Tag("mounts")
class MountPropagationIT {

    private static final List<String> OPTIONS = List.of("private", "rprivate", "shared", "rshared", "slave", "rslave",
            "unbindable", "runbindable");

    @ConformanceTest
    @Requirement("mounts.options.propagation")
    void propagationOptionsSetThePropagationType(RuntimeUnderTest runtime) {
        Path source = HostFiles.dirWithMarker(runtime.scratchDir().resolve("propagation-src"), "src");
        // A shared source, so that a runtime ignoring "slave" or "private" leaves a visibly shared copy behind.
        RuntimeSide.run("mount", "--bind", source.toString(), source.toString());
        try {
            RuntimeSide.run("mount", "--make-shared", source.toString());
            BundleBuilder builder = runtime.bundle().args(sh(InContainer.SAVE_MOUNTINFO));
            for (String option : OPTIONS) {
                builder.mount(bind(source.toString(), "/mnt/" + option, option.startsWith("r") ? "rbind" : "bind",
                        option));
            }
            Bundle bundle = builder.build();
            OPTIONS.forEach(o -> HostFiles.mountPoint(bundle, "/mnt/" + o));

            InContainer.runToEnd(runtime, bundle);

            MountInfo table = InContainer.mountinfo(bundle);
            List<String> problems = new ArrayList<>();
            for (String option : OPTIONS) {
                Optional<MountInfo.Line> line = table.at("/mnt/" + option);
                if (line.isEmpty()) {
                    problems.add(option + ": /mnt/" + option + " is not mounted");
                } else if (!hasPropagation(line.get(), option.replaceFirst("^r(?=private|shared|slave|unbindable)", ""))) {
                    problems.add(option + ": " + line.get());
                }
            }
            assertThat(problems).as("mounts whose propagation does not match their option (shared: shared:N;"
                    + " private: no optional fields; slave: not shared, as a slave of a private mount is private;"
                    + " unbindable: unbindable)").isEmpty();
        } finally {
            RuntimeSide.run("umount", "-l", source.toString());
        }
    }

    @ConformanceTest
    @Requirement("mounts.rootfs-propagation.shared")
    void rootfsPropagationSharedMakesTheRootMountShared(RuntimeUnderTest runtime) {
        MountInfo.Line root = rootMountWith(runtime, "shared");
        assertThat(root.sharedPeerGroup()).as("peer group of the container's / with rootfsPropagation shared: %s",
                root).isPresent();
    }

    @ConformanceTest
    @Requirement("mounts.rootfs-propagation.unbindable")
    void rootfsPropagationUnbindableMakesTheRootMountUnbindable(RuntimeUnderTest runtime) {
        MountInfo.Line root = rootMountWith(runtime, "unbindable");
        assertThat(root.unbindable()).as("container's / with rootfsPropagation unbindable: %s", root).isTrue();
    }

    @ConformanceTest
    @Requirement("mounts.rootfs-propagation.slave")
    void rootfsPropagationSlaveReceivesMountsFromTheHostSide(RuntimeUnderTest runtime) {
        LateMount seen = mountUnderSharedRootfsWhileRunning(runtime, "slave");
        assertThat(seen.visible()).as("tmpfs mounted on the runtime side at rootfs/mnt/late while the container ran,"
                + " seen at /mnt/late in the container (rootfsPropagation slave)").isTrue();
        assertThat(seen.root().masterPeerGroup()).as("container's / with rootfsPropagation slave: %s", seen.root())
                .isPresent();
    }

    @ConformanceTest
    @Requirement("mounts.rootfs-propagation.private")
    void rootfsPropagationPrivateReceivesNoMountsFromTheHostSide(RuntimeUnderTest runtime) {
        LateMount seen = mountUnderSharedRootfsWhileRunning(runtime, "private");
        assertThat(seen.visible()).as("tmpfs mounted on the runtime side at rootfs/mnt/late while the container ran,"
                + " seen at /mnt/late in the container (rootfsPropagation private; with slave it is seen)").isFalse();
        assertThat(seen.root().isPrivate()).as("container's / with rootfsPropagation private: %s", seen.root()).isTrue();
    }

    private static MountInfo.Line rootMountWith(RuntimeUnderTest runtime, String propagation) {
        Bundle bundle = runtime.bundle().edit(c -> c.withObjectProperty("linux").put("rootfsPropagation", propagation))
                .args(sh(InContainer.SAVE_MOUNTINFO)).build();
        InContainer.runToEnd(runtime, bundle);
        return InContainer.mountinfo(bundle).at("/").orElseThrow(() -> new AssertionError("no / in the container's"
                + " mountinfo"));
    }

    private record LateMount(boolean visible, MountInfo.Line root) {
    }

    /**
     * Makes the bundle's rootfs a shared mount on the runtime side, runs a container with {@code propagation},
     * mounts a tmpfs at rootfs/mnt/late on the runtime side while it runs, and lets the container look.
     */
    private static LateMount mountUnderSharedRootfsWhileRunning(RuntimeUnderTest runtime, String propagation) {
        Bundle bundle = runtime.bundle().edit(c -> c.withObjectProperty("linux").put("rootfsPropagation", propagation))
                .args(sh(awaitRelease() + "; " + InContainer.SAVE_MOUNTINFO)).build();
        HostFiles.mountPoint(bundle, "/mnt/late");
        String rootfs = bundle.rootfs().toString();
        String late = HostFiles.inRootfs(bundle, "/mnt/late").toString();
        List<String> mounted = new ArrayList<>();
        try {
            RuntimeSide.run("mount", "--bind", rootfs, rootfs);
            mounted.add(rootfs);
            RuntimeSide.run("mount", "--make-shared", rootfs);
            Container container = runtime.create(bundle);
            container.start();
            RuntimeSide.run("mount", "-t", "tmpfs", "-o", "size=64k", "ocitk-late", late);
            mounted.add(late);
            bundle.release();
            container.awaitStatus("stopped");
        } finally {
            for (int i = mounted.size() - 1; i >= 0; i--) RuntimeSide.run("umount", "-l", mounted.get(i));
        }
        MountInfo table = InContainer.mountinfo(bundle);
        return new LateMount(table.at("/mnt/late").filter(l -> l.source().equals("ocitk-late")).isPresent(),
                table.at("/").orElseThrow(() -> new AssertionError("no / in the container's mountinfo")));
    }

    private static boolean hasPropagation(MountInfo.Line line, String type) {
        return switch (type) {
            case "shared" -> line.sharedPeerGroup().isPresent();
            case "private" -> line.isPrivate();
            case "slave" -> line.sharedPeerGroup().isEmpty() && !line.unbindable();
            case "unbindable" -> line.unbindable();
            default -> throw new IllegalArgumentException(type);
        };
    }
}
