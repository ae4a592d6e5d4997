package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The call-by-name binding behaves as the direct mapping it replaced: results, errno, arrays written back. */
class NativeCallsTest {
    @Test
    void returnsTheFunctionsResult() {
        assertThat(LibC.getpid()).isEqualTo((int) ProcessHandle.current().pid());
    }

    @Test
    void aCheckedCallThatFailsThrowsItsErrno() {
        assertThatThrownBy(() -> LibC.open("/nonexistent/ocirun-test", Sys.O_RDONLY, 0))
                .isInstanceOfSatisfying(LastErrorException.class, e -> assertThat(e.getErrorCode()).isEqualTo(Sys.ENOENT));
    }

    @Test
    void arraysThatTheFunctionFillsAreCopiedBack() {
        int[] fds = Sys.pipe();
        try {
            assertThat(fds[0]).isGreaterThan(2);
            assertThat(fds[1]).isGreaterThan(2).isNotEqualTo(fds[0]);
            Sys.writeFully(fds[1], new byte[] {42});
            byte[] got = new byte[1];
            assertThat(Sys.read(fds[0], got)).isEqualTo(1);
            assertThat(got[0]).isEqualTo((byte) 42);
        } finally {
            Sys.closeQuietly(fds[0]);
            Sys.closeQuietly(fds[1]);
        }
    }

    @Test
    void aSuccessfulCheckedCallDoesNotThrowEvenAfterAFailedOne() {
        assertThatThrownBy(() -> LibC.open("/nonexistent/ocirun-test", Sys.O_RDONLY, 0))
                .isInstanceOf(LastErrorException.class); // leaves errno set on this thread
        int fd = LibC.open("/dev/null", Sys.O_RDONLY | Sys.O_CLOEXEC, 0);
        assertThat(fd).isGreaterThan(2);
        LibC.close(fd);
    }
}
