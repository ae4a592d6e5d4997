package dev.ocitk.conformance.linux.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The harness JVM as the process under inspection: its java binary is a writable, linked host file. */
class ExecutableCheckTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void aLinkedHostBinaryOnAWritableMountIsExposed(@TempDir Path rootfs) {
        ExecutableCheck check = ExecutableCheck.of(SELF, rootfs).orElseThrow();

        assertThat(check.links()).isPositive();
        assertThat(check.inRootfs()).isFalse();
        assertThat(check.seals()).isZero();
        assumeTrue(!check.readOnlyMount(), "the JDK lives on a read-only mount here");
        assertThat(check.exposesAWritableHostFile()).isTrue();
    }

    @Test
    void theContainersOwnFileIsNotExposed(@TempDir Path rootfs) throws IOException {
        Path java = Path.of("/proc/" + SELF + "/exe").toRealPath();
        try {
            Files.createLink(Files.createDirectories(rootfs.resolve("bin")).resolve("java"), java);
        } catch (FileSystemException otherFileSystem) {
            assumeTrue(false, "cannot hard-link " + java + " into " + rootfs + ": " + otherFileSystem.getMessage());
        }

        ExecutableCheck check = ExecutableCheck.of(SELF, rootfs).orElseThrow();

        assertThat(check.inRootfs()).isTrue();
        assertThat(check.exposesAWritableHostFile()).isFalse();
    }

    @Test
    void aProcessThatIsGoneGivesNoCheck(@TempDir Path rootfs) {
        assertThat(ExecutableCheck.of(Integer.MAX_VALUE - 1L, rootfs)).isEmpty();
    }

    @Test
    void theHarnessItselfIsInItsOwnPidNamespace() {
        assertThat(ExecutableCheck.processesInPidNamespaceOf(SELF)).contains(SELF);
    }
}
