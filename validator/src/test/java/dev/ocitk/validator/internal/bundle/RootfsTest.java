package dev.ocitk.validator.internal.bundle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RootfsTest {

    @TempDir
    Path tmp;

    private Path root;
    private Rootfs rootfs;

    @BeforeEach
    void rootfs() throws IOException {
        root = Files.createDirectories(tmp.resolve("rootfs")).toRealPath();
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("usr/bin"));
        Files.writeString(root.resolve("bin/busybox"), "");
        Files.setPosixFilePermissions(root.resolve("bin/busybox"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(root.resolve("etc-passwd"), "root:x:0:0");
        // A file outside the rootfs that no resolution may reach.
        Files.writeString(tmp.resolve("secret"), "host");
        rootfs = new Rootfs(root);
    }

    private void link(String at, String target) throws IOException {
        Path p = root.resolve(at);
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
    }

    @Test
    void absoluteLinksStartAgainAtTheRootfsRoot() throws IOException {
        link("bin/sh", "/bin/busybox");
        Rootfs.Resolution r = rootfs.resolve("/bin/sh");
        assertThat(r.status()).isEqualTo(Rootfs.Status.FOUND);
        assertThat(r.hostPath()).isEqualTo(root.resolve("bin/busybox"));
        assertThat(r.isExecutableFile()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret", "../../../../../secret", "/../secret", "/bin/../../secret"})
    void dotDotNeverClimbsAboveTheRoot(String target) throws IOException {
        link("bin/escape", target);
        assertThat(rootfs.resolve("/bin/escape").status()).isEqualTo(Rootfs.Status.MISSING);
        assertThat(rootfs.resolve(target).status()).isEqualTo(Rootfs.Status.MISSING);
    }

    @Test
    void hostAbsoluteLinksAreReadInsideTheRootfs() throws IOException {
        link("bin/escape", tmp.resolve("secret").toString());
        Rootfs.Resolution r = rootfs.resolve("/bin/escape");
        assertThat(r.status()).isEqualTo(Rootfs.Status.MISSING);
        assertThat(r.detail()).startsWith("/tmp").doesNotContain(root.toString());
    }

    @Test
    void loopsEndAsLoopsNotHangs() throws IOException {
        link("a", "b");
        link("b", "/a");
        link("self", "self");
        link("dir/x", "../dir/x/y");
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(rootfs.resolve("/a").status()).isEqualTo(Rootfs.Status.LOOP);
            assertThat(rootfs.resolve("/self/more").status()).isEqualTo(Rootfs.Status.LOOP);
            assertThat(rootfs.resolve("/dir/x").status()).isEqualTo(Rootfs.Status.LOOP);
        });
    }

    @Test
    void chainsUpToTheKernelLimitResolve() throws IOException {
        for (int i = 0; i < Rootfs.MAX_SYMLINKS; i++) {
            link("l" + i, "/l" + (i + 1));
        }
        link("l" + Rootfs.MAX_SYMLINKS, "/bin/busybox");
        assertThat(rootfs.resolve("/l1").status()).isEqualTo(Rootfs.Status.FOUND);
        assertThat(rootfs.resolve("/l0").status()).isEqualTo(Rootfs.Status.LOOP);
    }

    @Test
    void aRootfsReachedThroughASymlinkResolvesTheSame() throws IOException {
        link("bin/sh", "/bin/busybox");
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), root);
        Rootfs viaAlias = new Rootfs(alias);
        assertThat(viaAlias.resolve("/bin/sh").isExecutableFile()).isTrue();
        assertThat(viaAlias.resolve("/bin/../../../secret").status()).isEqualTo(Rootfs.Status.MISSING);
    }

    @Test
    void componentsUnderAFileDoNotExist() {
        assertThat(rootfs.resolve("/etc-passwd/x").status()).isEqualTo(Rootfs.Status.MISSING);
        assertThat(rootfs.resolve("/nope/x").detail()).isEqualTo("/nope");
    }

    @Test
    void theRootItselfAndRelativeLinksResolve() throws IOException {
        link("usr/bin/sh", "../../bin/busybox");
        link("here", ".");
        assertThat(rootfs.resolve("/").isDirectory()).isTrue();
        assertThat(rootfs.resolve("/here").isDirectory()).isTrue();
        assertThat(rootfs.resolve("usr/bin/sh").hostPath()).isEqualTo(root.resolve("bin/busybox"));
        assertThat(rootfs.resolve("/usr/bin/../bin/sh").isExecutableFile()).isTrue();
        assertThat(rootfs.resolve("/etc-passwd").isExecutableFile()).isFalse();
    }
}
