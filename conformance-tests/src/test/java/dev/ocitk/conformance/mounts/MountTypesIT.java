package dev.ocitk.conformance.mounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.BundleBuilder;
import dev.ocitk.conformance.bundle.Mount;

import org.junit.jupiter.api.Tag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What kind of mount each entry makes (config.md#mounts, config.md#linux-mount-options,
 * config.md#posix-platform-mounts): bind mounts of directories and files, bind versus rbind, and the file-system
 * types of the other entries. Mount points are made in the rootfs beforehand, so these tests do not depend on the
 * runtime creating them (see MountPlacementIT for that).
 */
@Tag("mounts")
class MountTypesIT {

    @ConformanceTest
    @Requirement({"mounts.options.bind", "mounts.source.bundle-relative"})
    void bindMountsShowTheSourceDirectoryOrFileItself(RuntimeUnderTest runtime) {
        Path dir = HostFiles.dirWithMarker(runtime.scratchDir().resolve("bind-dir"), "from-host-dir");
        Path file = HostFiles.file(runtime.scratchDir().resolve("bind-file"), "from-host-file\n");
        Bundle bundle = runtime.bundle()
                .mount(bind(dir.toString(), "/mnt/dir", "bind"))
                .mount(bind(file.toString(), "/mnt/file", "bind"))
                .mount(bind("relative-src", "/mnt/rel", "bind"))
                .args(sh("cat /mnt/dir/marker > /ocitk/out/dir; cat /mnt/file > /ocitk/out/file;"
                        + " cat /mnt/rel/marker > /ocitk/out/rel; echo from-container > /mnt/dir/written; "
                        + InContainer.SAVE_MOUNTINFO))
                .build();
        HostFiles.dirWithMarker(bundle.dir().resolve("relative-src"), "from-bundle-relative-dir");
        HostFiles.mountPoint(bundle, "/mnt/dir");
        HostFiles.mountPoint(bundle, "/mnt/rel");
        HostFiles.fileMountPoint(bundle, "/mnt/file");

        InContainer.runToEnd(runtime, bundle);

        assertThat(InContainer.out(bundle, "dir")).as("marker read through the directory bind mount")
                .isEqualTo("from-host-dir\n");
        assertThat(InContainer.out(bundle, "file")).as("content read through the file bind mount")
                .isEqualTo("from-host-file\n");
        assertThat(InContainer.out(bundle, "rel")).as("marker read through the bind mount whose source is"
                + " relative to the bundle").isEqualTo("from-bundle-relative-dir\n");
        assertThat(HostFiles.read(dir.resolve("written"))).as("file the container wrote into the directory bind"
                + " mount, seen on the host (the mount is the source itself, not a copy)").isEqualTo("from-container\n");
        MountInfo table = InContainer.mountinfo(bundle);
        assertThat(table.at("/mnt/file")).as("mount at /mnt/file in the container's mount table").isPresent();
    }

    @ConformanceTest
    @Requirement({"mounts.options.bind", "mounts.options.rbind"})
    void bindLeavesOutSubmountsAndRbindCarriesThem(RuntimeUnderTest runtime) {
        Path tree = HostFiles.dirWithMarker(runtime.scratchDir().resolve("tree"), "top");
        Path sub = tree.resolve("sub");
        HostFiles.dir(sub);
        RuntimeSide.run("mount", "-t", "tmpfs", "-o", "size=64k", "ocitk-submount", sub.toString());
        try {
            RuntimeSide.run("sh", "-c", "echo from-submount > " + sub.resolve("marker"));
            Bundle bundle = runtime.bundle()
                    .mount(bind(tree.toString(), "/mnt/flat", "bind"))
                    .mount(bind(tree.toString(), "/mnt/deep", "rbind"))
                    .args(sh("ls -A /mnt/flat/sub > /ocitk/out/flat; cat /mnt/deep/sub/marker > /ocitk/out/deep; "
                            + InContainer.SAVE_MOUNTINFO))
                    .build();
            HostFiles.mountPoint(bundle, "/mnt/flat");
            HostFiles.mountPoint(bundle, "/mnt/deep");

            InContainer.runToEnd(runtime, bundle);

            MountInfo table = InContainer.mountinfo(bundle);
            assertThat(InContainer.out(bundle, "deep")).as("marker on the source's submount, read through the rbind"
                    + " mount").isEqualTo("from-submount\n");
            assertThat(table.at("/mnt/deep/sub")).as("submount under the rbind mount").isPresent();
            assertThat(InContainer.out(bundle, "flat")).as("what the bind (not rbind) mount shows where the source has"
                    + " a submount: the empty directory under it").isEmpty();
            assertThat(table.at("/mnt/flat/sub")).as("submount under the bind mount").isEmpty();
        } finally {
            RuntimeSide.run("umount", "-l", sub.toString());
        }
    }

    @ConformanceTest
    @Requirement("mounts.type.filesystem")
    void everyMountHasItsConfiguredFileSystemType(RuntimeUnderTest runtime) {
        BundleBuilder builder = runtime.bundle()
                .mount(Mount.of("/mnt/tmpfs", "tmpfs", "ocitk-tmpfs", "size=64k"))
                .mount(Mount.of("/mnt/proc", "proc", "proc"))
                .mount(Mount.of("/mnt/sysfs", "sysfs", "sysfs", "ro"))
                .args(sh(InContainer.SAVE_MOUNTINFO));
        // The mounts as this test wrote them (config.json may be edited by a faulty runtime).
        JsonNode mounts = builder.configSnapshot().path("mounts");
        Bundle bundle = builder.build();
        for (String p : List.of("/mnt/tmpfs", "/mnt/proc", "/mnt/sysfs")) HostFiles.mountPoint(bundle, p);

        InContainer.runToEnd(runtime, bundle);

        MountInfo table = InContainer.mountinfo(bundle);
        List<String> problems = new ArrayList<>();
        for (JsonNode m : mounts) {
            String destination = m.path("destination").asText();
            String type = m.path("type").asText();
            Optional<MountInfo.Line> line = table.at(destination);
            if (line.isEmpty()) {
                problems.add(destination + ": no mount (expected " + type + ")");
            } else if (!line.get().fsType().equals(type)) {
                problems.add(destination + ": " + line.get().fsType() + " instead of " + type + " (" + line.get() + ")");
            }
        }
        assertThat(problems).as("mounts whose type differs from the config (proc, tmpfs, devpts, mqueue, sysfs)")
                .isEmpty();
    }

    @ConformanceTest
    @Requirement("mounts.options.filesystem-data")
    void tmpfsSizeAndModeReachTheFileSystem(RuntimeUnderTest runtime) {
        Bundle bundle = runtime.bundle()
                .mount(Mount.of("/mnt/sized", "tmpfs", "ocitk-sized", "size=1536k", "mode=1750"))
                .args(sh("stat -c %a /mnt/sized > /ocitk/out/mode; " + InContainer.SAVE_MOUNTINFO)).build();
        HostFiles.mountPoint(bundle, "/mnt/sized");

        InContainer.runToEnd(runtime, bundle);

        MountInfo.Line line = InContainer.mountinfo(bundle).at("/mnt/sized")
                .orElseThrow(() -> new AssertionError("no mount at /mnt/sized"));
        assertThat(line.superOption("size")).as("tmpfs size of %s", line).hasValue("1536k");
        assertThat(line.superOption("mode")).as("tmpfs mode of %s", line).hasValue("1750");
        // What the root of the tmpfs looks like is left to the runtime: runc 1.1.5 passes mode=1750 and then chmods
        // the mount to the mode the existing mount point had. Recorded, not judged.
        runtime.observe("tmpfs-root-mode-after-mode-1750", InContainer.out(bundle, "mode").strip());
    }

    static Mount bind(String source, String destination, String... options) {
        return new Mount(destination, Optional.of("bind"), Optional.of(source), List.of(options));
    }
}
