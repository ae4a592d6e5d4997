package dev.ocitk.ocirun.init;

import com.sun.jna.LastErrorException;
import dev.ocitk.ocirun.linux.LibC;
import dev.ocitk.ocirun.linux.Sys;

/**
 * Keeps the init JVM off the container's stdout and stderr: they belong to the program, yet the
 * JVM writes there on its own (a thread dump on SIGQUIT, VM warnings). Until just before execve the
 * init's fds 1 and 2 point at /dev/null and the caller's originals wait on close-on-exec copies.
 * (With OCIRUN_TIMING set, stderr stays so the timings can be read.)
 */
final class StdioGuard {
    private static final int F_DUPFD_CLOEXEC = 1030;
    private static int savedOut = -2;
    private static int savedErr = -2;

    private StdioGuard() {}

    static void hide() {
        int devnull = Sys.open("/dev/null", Sys.O_RDWR | Sys.O_CLOEXEC, 0);
        try {
            savedOut = save(1);
            Sys.dup3(devnull, 1, 0);
            if (System.getenv("OCIRUN_TIMING") == null) {
                savedErr = save(2);
                Sys.dup3(devnull, 2, 0);
            }
        } finally {
            Sys.closeQuietly(devnull);
        }
    }

    /** A close-on-exec copy of {@code fd} above the descriptors the init was given, or -1 if it was closed. */
    private static int save(int fd) {
        try {
            return LibC.fcntl(fd, F_DUPFD_CLOEXEC, 100);
        } catch (LastErrorException closed) {
            return -1;
        }
    }

    /** Puts the caller's stdout and stderr back (closed again if they were closed). */
    static void restore() {
        restore(savedOut, 1);
        restore(savedErr, 2);
    }

    private static void restore(int saved, int fd) {
        if (saved == -2) {
            return; // never hidden
        }
        if (saved == -1) {
            Sys.closeQuietly(fd);
        } else {
            Sys.dup3(saved, fd, 0);
            Sys.closeQuietly(saved);
        }
    }
}
