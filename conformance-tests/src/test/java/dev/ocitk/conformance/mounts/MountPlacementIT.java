package dev.ocitk.conformance.mounts;

import dev.ocitk.conformance.ConformanceTest;
import dev.ocitk.conformance.Requirement;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.bundle.Mount;

import org.junit.jupiter.api.Tag;

import java.nio.file.Path;

import static dev.ocitk.conformance.bundle.Shell.sh;
import static dev.ocitk.conformance.mounts.MountTypesIT.bind;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where mounts end up (config.md#mounts): in the listed order, at destinations the runtime creates when missing,
 * at relative destinations taken from /, and with their own options under a read-only root.
 */
@Tag("mounts")
class MountPlacementIT {

    @ConformanceTest
    @Requirement("mounts.order.listed")
    void laterMountsCoverEarlierOnes(RuntimeUnderTest runtime) {
        Path scratch = runtime.scratchDir();
        Path first = HostFiles.dirWithMarker(scratch.resolve("first"), "first");
        Path second = HostFiles.dirWithMarker(scratch.resolve("second"), "second");
        Path outer = HostFiles.dirWithMarker(scratch.resolve("outer"), "outer");
        HostFiles.dir(outer.resolve("inner"));
        Path inner = HostFiles.dirWithMarker(scratch.resolve("inner"), "inner");
        // Same destination twice, and a mount inside an earlier one: in any other order the result differs.
        Bundle bundle = runtime.bundle()
                .mount(bind(first.toString(), "/mnt/stack", "bind"))
                .mount(bind(second.toString(), "/mnt/stack", "bind"))
                .mount(bind(outer.toString(), "/mnt/outer", "bind"))
                .mount(bind(inner.toString(), "/mnt/outer/inner", "bind"))
                .args(sh("cat /mnt/stack/marker > /ocitk/out/stack; cat /mnt/outer/inner/marker > /ocitk/out/inner; "
                        + InContainer.SAVE_MOUNTINFO))
                .build();
        HostFiles.mountPoint(bundle, "/mnt/stack");
        HostFiles.mountPoint(bundle, "/mnt/outer");

        InContainer.runToEnd(runtime, bundle);

        assertThat(InContainer.out(bundle, "stack")).as("marker visible at /mnt/stack, where the second of two"
                + " mounts must be on top").isEqualTo("second\n");
        assertThat(InContainer.out(bundle, "inner")).as("marker visible at /mnt/outer/inner, mounted after (so"
                + " inside) /mnt/outer").isEqualTo("inner\n");
        assertThat(InContainer.mountinfo(bundle).allAt("/mnt/stack")).as("mounts at /mnt/stack").hasSize(2);
    }

    @ConformanceTest
    @Requirement("mounts.destination.created")
    void missingDestinationsAreCreated(RuntimeUnderTest runtime) {
        Path file = HostFiles.file(runtime.scratchDir().resolve("file-src"), "file\n");
        Bundle bundle = runtime.bundle()
                .mount(Mount.of("/mnt/made/for/the/tmpfs", "tmpfs", "ocitk-made", "size=64k"))
                .mount(bind(file.toString(), "/mnt/made/file", "bind"))
                .args(sh("stat -c %F /mnt/made/for/the/tmpfs > /ocitk/out/dir; cat /mnt/made/file > /ocitk/out/file; "
                        + InContainer.SAVE_MOUNTINFO))
                .build();
        assertThat(HostFiles.inRootfs(bundle, "/mnt")).as("the rootfs has no /mnt before create").doesNotExist();

        InContainer.runToEnd(runtime, bundle);

        MountInfo table = InContainer.mountinfo(bundle);
        assertThat(table.at("/mnt/made/for/the/tmpfs")).as("tmpfs at a destination that did not exist").isPresent();
        assertThat(InContainer.out(bundle, "dir").strip()).as("type of the created mount point").isEqualTo("directory");
        assertThat(InContainer.out(bundle, "file")).as("content of the file bind-mounted at a destination that did not"
                + " exist").isEqualTo("file\n");
    }

    @ConformanceTest
    @Requirement("mounts.destination.relative")
    void relativeDestinationIsTakenFromTheRoot(RuntimeUnderTest runtime) {
        // Valid from 1.2.0; the bundle declares the runtime's own version, for which our validator rejects it. The
        // process cwd differs from / so that resolving against it instead would show.
        Bundle bundle = runtime.bundle()
                .mount(Mount.of("mnt/relative", "tmpfs", "ocitk-relative", "size=64k"))
                .cwd("/ocitk")
                .args(sh(InContainer.SAVE_MOUNTINFO))
                .buildUnvalidated();
        HostFiles.mountPoint(bundle, "/mnt/relative");

        InContainer.runToEnd(runtime, bundle);

        assertThat(InContainer.mountinfo(bundle).at("/mnt/relative")).as("tmpfs for destination mnt/relative")
                .hasValueSatisfying(l -> assertThat(l.fsType()).isEqualTo("tmpfs"));
    }

    @ConformanceTest
    @Requirement("mounts.options.rw-under-readonly-root")
    void rwMountStaysWritableUnderAReadOnlyRoot(RuntimeUnderTest runtime) {
        Path results = HostFiles.dirWithMarker(runtime.scratchDir().resolve("rw"), "rw");
        Bundle bundle = runtime.bundle().rootReadonly(true)
                .mount(bind(results.toString(), "/mnt/rw", "bind", "rw"))
                .args(sh("if touch /mnt/rw/written; then echo rw-mount-writable; else echo rw-mount-refused; fi"
                        + " > /mnt/rw/result; if touch /root/written 2>/dev/null; then echo root-writable; else echo"
                        + " root-refused; fi >> /mnt/rw/result"))
                .build();
        HostFiles.mountPoint(bundle, "/mnt/rw");

        InContainer.runToEnd(runtime, bundle);

        assertThat(HostFiles.read(results.resolve("result")).lines().toList())
                .as("writes to the rw mount and to the read-only root (from %s)", results.resolve("result"))
                .containsExactly("rw-mount-writable", "root-refused");
    }
}
