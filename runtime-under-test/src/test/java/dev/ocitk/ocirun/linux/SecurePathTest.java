package dev.ocitk.ocirun.linux;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SecurePathTest {
    @TempDir
    Path root;

    @Test
    void plainPathsResolveUnderTheRoot() {
        assertThat(SecurePath.resolve(root, "/a/b/c")).isEqualTo(root.resolve("a/b/c"));
        assertThat(SecurePath.resolve(root, "a//./b/")).isEqualTo(root.resolve("a/b"));
    }

    @Test
    void dotDotStopsAtTheRoot() {
        assertThat(SecurePath.resolve(root, "/../../etc/passwd")).isEqualTo(root.resolve("etc/passwd"));
    }

    @Test
    void absoluteSymlinksAreReadAsContainerPaths() throws IOException {
        Files.createDirectories(root.resolve("real"));
        Files.createSymbolicLink(root.resolve("link"), Path.of("/etc"));
        Files.createSymbolicLink(root.resolve("real/up"), Path.of("../../../.."));
        assertThat(SecurePath.resolve(root, "/link/shadow")).isEqualTo(root.resolve("etc/shadow"));
        assertThat(SecurePath.resolve(root, "/real/up/tmp")).isEqualTo(root.resolve("tmp"));
    }

    @Test
    void relativeSymlinksResolveFromTheirDirectory() throws IOException {
        Files.createDirectories(root.resolve("usr/lib"));
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        assertThat(SecurePath.resolve(root, "/lib/x")).isEqualTo(root.resolve("usr/lib/x"));
    }

    @Test
    void symlinkLoopsEndWithAnError() throws IOException {
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecurePath.resolve(root, "/a/x"))
                .hasMessageContaining("too many symbolic links");
    }

    @Property(tries = 200)
    void neverLeavesTheRoot(@ForAll @StringLength(max = 40) @Chars({'a', '.', '/', 'l'}) String path) throws IOException {
        Path dir = Files.createTempDirectory("securepath");
        try {
            Files.createSymbolicLink(dir.resolve("l"), Path.of("../../.."));
            Path resolved = SecurePath.resolve(dir, path);
            assertThat(resolved.normalize().startsWith(dir)).as(resolved.toString()).isTrue();
        } finally {
            Files.deleteIfExists(dir.resolve("l"));
            Files.deleteIfExists(dir);
        }
    }
}
