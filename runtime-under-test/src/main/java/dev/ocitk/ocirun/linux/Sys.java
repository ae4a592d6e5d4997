package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;

/**
 * Checked wrappers over {@link LibC}: every failure becomes a {@link SyscallException} whose message
 * names the call, its main argument and the errno text, e.g. {@code mount /proc: Operation not permitted}.
 */
public final class Sys {
    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_EXCL = 0200,
            O_NOCTTY = 0400, O_TRUNC = 01000, O_NONBLOCK = 04000, O_DIRECTORY = 0200000, O_NOFOLLOW = 0400000,
            O_CLOEXEC = 02000000, O_PATH = 010000000;
    public static final int AT_FDCWD = -100, AT_RECURSIVE = 0x8000;
    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EAGAIN = 11, EBUSY = 16, EEXIST = 17,
            EINVAL = 22, ENOSYS = 38;
    public static final int F_GETFL = 3, F_SETFL = 4, F_SETFD = 2, FD_CLOEXEC = 1;
    public static final int MNT_DETACH = 2;
    public static final int S_IFIFO = 0010000, S_IFCHR = 0020000, S_IFBLK = 0060000;
    public static final int AF_UNIX = 1, SOCK_STREAM = 1, SOCK_CLOEXEC = 02000000;
    public static final int WNOHANG = 1;
    public static final short POLLIN = 1, POLLHUP = 0x10, POLLERR = 0x8;

    private Sys() {}

    public static SyscallException fail(String what, LastErrorException e) {
        return new SyscallException(what, e.getErrorCode());
    }

    public static String errnoText(int errno) {
        return LibC.strerror(errno);
    }

    // ---- files and descriptors ----

    public static int open(String path, int flags, int mode) {
        try {
            return LibC.open(path, flags, mode);
        } catch (LastErrorException e) {
            throw fail("open " + path, e);
        }
    }

    public static int openat(int dirfd, String path, int flags, int mode) {
        try {
            return LibC.openat(dirfd, path, flags, mode);
        } catch (LastErrorException e) {
            throw fail("open " + path, e);
        }
    }

    /** Closes a descriptor, ignoring errors: used on cleanup paths. */
    public static void closeQuietly(int fd) {
        if (fd >= 0) {
            try {
                LibC.close(fd);
            } catch (LastErrorException ignored) {
                // nothing useful to do
            }
        }
    }

    public static int read(int fd, byte[] buf) {
        while (true) {
            try {
                return (int) LibC.read(fd, buf, buf.length);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw fail("read fd " + fd, e);
                }
            }
        }
    }

    public static void writeFully(int fd, byte[] data) {
        int off = 0;
        while (off < data.length) {
            byte[] chunk = off == 0 ? data : java.util.Arrays.copyOfRange(data, off, data.length);
            try {
                off += (int) LibC.write(fd, chunk, chunk.length);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw fail("write fd " + fd, e);
                }
            }
        }
    }

    public static void dup3(int oldfd, int newfd, int flags) {
        try {
            LibC.dup3(oldfd, newfd, flags);
        } catch (LastErrorException e) {
            throw fail("dup3 " + oldfd + " to " + newfd, e);
        }
    }

    public static void setNonBlocking(int fd, boolean on) {
        try {
            int fl = LibC.fcntl(fd, F_GETFL, 0);
            LibC.fcntl(fd, F_SETFL, on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK);
        } catch (LastErrorException e) {
            throw fail("fcntl fd " + fd, e);
        }
    }

    public static int[] pipe() {
        int[] fds = new int[2];
        try {
            LibC.pipe2(fds, O_CLOEXEC);
        } catch (LastErrorException e) {
            throw fail("pipe2", e);
        }
        return fds;
    }

    public static int[] socketpair() {
        int[] sv = new int[2];
        try {
            LibCProc.socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
        } catch (LastErrorException e) {
            throw fail("socketpair", e);
        }
        return sv;
    }

    public static void mkfifo(String path, int mode) {
        try {
            LibCFs.mkfifo(path, mode);
        } catch (LastErrorException e) {
            throw fail("mkfifo " + path, e);
        }
    }

    /**
     * Polls descriptors for input or hang-up; returns each one's revents (0 when idle), or null when
     * the timeout expired. A negative timeout waits forever.
     */
    public static short[] poll(int[] fds, int timeoutMillis) {
        Memory m = new Memory(8L * fds.length);
        for (int i = 0; i < fds.length; i++) {
            m.setInt(8L * i, fds[i]);
            m.setShort(8L * i + 4, POLLIN);
            m.setShort(8L * i + 6, (short) 0);
        }
        while (true) {
            try {
                int n = LibC.poll(m, fds.length, timeoutMillis);
                if (n == 0) {
                    return null;
                }
                short[] out = new short[fds.length];
                for (int i = 0; i < fds.length; i++) {
                    out[i] = m.getShort(8L * i + 6);
                }
                return out;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw fail("poll", e);
                }
            }
        }
    }

    // ---- processes ----

    public static int gettid() {
        try {
            return (int) LibC.syscall(SyscallNumbers.GETTID, 0, 0, 0, 0, 0, 0);
        } catch (LastErrorException e) {
            throw fail("gettid", e);
        }
    }

    /** A pidfd for {@code pid}, or -1 if the process does not exist. */
    public static int pidfdOpen(int pid) {
        try {
            return (int) LibC.syscall(SyscallNumbers.PIDFD_OPEN, pid, 0, 0, 0, 0, 0);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ESRCH) {
                return -1;
            }
            throw fail("pidfd_open " + pid, e);
        }
    }

    public static void pidfdSendSignal(int pidfd, int sig) {
        try {
            LibC.syscall(SyscallNumbers.PIDFD_SEND_SIGNAL, pidfd, sig, 0, 0, 0, 0);
        } catch (LastErrorException e) {
            throw fail("send signal " + sig, e);
        }
    }

    public static void kill(int pid, int sig) {
        try {
            LibC.kill(pid, sig);
        } catch (LastErrorException e) {
            throw fail("kill " + pid, e);
        }
    }

    /** waitpid; returns {pid, status} or {0, 0} when WNOHANG found nothing, {-1, 0} when there is no such child. */
    public static int[] waitpid(int pid, int options) {
        int[] status = new int[1];
        while (true) {
            try {
                int r = LibC.waitpid(pid, status, options);
                return new int[] {r, status[0]};
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EINTR) {
                    continue;
                }
                if (e.getErrorCode() == 10 /* ECHILD */) {
                    return new int[] {-1, 0};
                }
                throw fail("waitpid " + pid, e);
            }
        }
    }

    /** The shell-style exit code of a wait status: the exit status, or 128 + signal. */
    public static int exitCode(int waitStatus) {
        int sig = waitStatus & 0x7f;
        return sig == 0 ? (waitStatus >> 8) & 0xff : 128 + sig;
    }

    /** Describes a wait status for an error message. */
    public static String describeWaitStatus(int waitStatus) {
        int sig = waitStatus & 0x7f;
        return sig == 0 ? "exit status " + ((waitStatus >> 8) & 0xff) : "killed by signal " + sig;
    }

    /**
     * Sets every ignored signal back to its default action. Ignored dispositions survive execve, and
     * glibc in the init JVM ignores one of its internal real-time signals; the program must start
     * with none ignored. Uses rt_sigaction directly, as glibc refuses to touch its internal signals.
     */
    public static void resetIgnoredSignals() {
        Memory old = new Memory(64);
        Memory dfl = new Memory(64);
        dfl.clear();
        for (int sig = 1; sig <= 64; sig++) {
            if (sig == 9 || sig == 19) {
                continue; // SIGKILL and SIGSTOP cannot be changed
            }
            old.clear();
            try {
                LibC.syscall(SyscallNumbers.RT_SIGACTION, sig, 0, Pointer.nativeValue(old), 8, 0, 0);
                if (old.getLong(0) == 1 /* SIG_IGN */) {
                    LibC.syscall(SyscallNumbers.RT_SIGACTION, sig, Pointer.nativeValue(dfl), 0, 8, 0, 0);
                }
            } catch (LastErrorException e) {
                throw fail("reset signal " + sig, e);
            }
        }
        Reference.reachabilityFence(old);
        Reference.reachabilityFence(dfl);
    }

    // ---- mounts ----

    public static void mountSetattr(int dirfd, String path, int flags, long attrSet, long attrClr, long propagation) {
        Memory attr = new Memory(32);
        attr.setLong(0, attrSet);
        attr.setLong(8, attrClr);
        attr.setLong(16, propagation);
        attr.setLong(24, 0);
        Memory p = cString(path);
        try {
            LibC.syscall(SyscallNumbers.MOUNT_SETATTR, dirfd, Pointer.nativeValue(p), flags,
                    Pointer.nativeValue(attr), 32, 0);
        } catch (LastErrorException e) {
            throw fail("mount_setattr " + path, e);
        } finally {
            Reference.reachabilityFence(attr);
            Reference.reachabilityFence(p);
        }
    }

    public static void pivotRoot(String newRoot, String putOld) {
        Memory a = cString(newRoot);
        Memory b = cString(putOld);
        try {
            LibC.syscall(SyscallNumbers.PIVOT_ROOT, Pointer.nativeValue(a), Pointer.nativeValue(b), 0, 0, 0, 0);
        } catch (LastErrorException e) {
            throw fail("pivot_root " + newRoot, e);
        } finally {
            Reference.reachabilityFence(a);
            Reference.reachabilityFence(b);
        }
    }

    /** Marks every descriptor from {@code first} close-on-exec (close_range(2), CLOSE_RANGE_CLOEXEC). */
    public static void closeRangeCloexec(int first) {
        try {
            LibC.syscall(SyscallNumbers.CLOSE_RANGE, first, 0xFFFFFFFFL, 4 /* CLOSE_RANGE_CLOEXEC */, 0, 0, 0);
        } catch (LastErrorException e) {
            throw fail("close_range", e);
        }
    }

    public static Memory cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(b.length + 1L);
        m.write(0, b, 0, b.length);
        m.setByte(b.length, (byte) 0);
        return m;
    }

    /** A NULL-terminated char* array; the returned holder keeps every string alive. */
    public static Memory cStringArray(java.util.List<String> values) {
        Memory[] strings = new Memory[values.size()];
        Memory array = new StringArrayMemory(8L * (values.size() + 1), strings);
        for (int i = 0; i < strings.length; i++) {
            strings[i] = cString(values.get(i));
            array.setPointer(8L * i, strings[i]);
        }
        array.setPointer(8L * strings.length, null);
        return array;
    }

    /** Memory that keeps its pointed-to strings reachable for as long as it lives. */
    private static final class StringArrayMemory extends Memory {
        @SuppressWarnings({"unused", "FieldCanBeLocal"})
        private final Memory[] strings;

        StringArrayMemory(long size, Memory[] strings) {
            super(size);
            this.strings = strings;
        }
    }
}
