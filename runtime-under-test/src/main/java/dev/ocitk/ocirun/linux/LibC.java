package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * glibc functions through JNA, called by name ({@link NativeCalls}: cheaper to set up than direct
 * mapping for short-lived processes, cheaper to call than interface proxies). Each function declared {@code throws LastErrorException} fails with errno. Raw syscalls without
 * a glibc wrapper on older distributions go through {@code syscall(2)} with {@link SyscallNumbers}.
 * Use {@link Sys} rather than this class: it turns errno into messages that name the call.
 */
public final class LibC {
    /** glibc, opened once by its soname. */
    static final NativeLibrary LIBRARY;

    static {
        // Without this property JNA's NativeLibrary runs "/sbin/ldconfig -p" in a child process the first
        // time it is used, to learn library directories; libc is opened by its soname, which needs none.
        if (System.getProperty("jna.platform.library.path") == null) {
            System.setProperty("jna.platform.library.path", "");
        }
        LIBRARY = NativeLibrary.getInstance("libc.so.6");
        CALLS = new NativeCalls(LIBRARY);
    }

    /** The functions of glibc, for this class and the groups beside it. */
    static final NativeCalls CALLS;
    private static final NativeCalls C = CALLS;

    private LibC() {}

    /**
     * Loads JNA and glibc now: the init process must do so before pivot_root hides the host's libraries.
     * (Functions are looked up later, on first use, in the library already mapped.)
     */
    public static void load() {
        for (Class<?> c : new Class<?>[] {LibCFs.class, LibCProc.class, LibCSpawn.class}) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }


    public static int getpid() {
        return C.i("getpid", false);
    }

    public static int kill(int pid, int sig) throws LastErrorException {
        return C.i("kill", true, pid, sig);
    }

    public static int open(String path, int flags, int mode) throws LastErrorException {
        return C.i("open", true, path, flags, mode);
    }

    public static int openat(int dirfd, String path, int flags, int mode) throws LastErrorException {
        return C.i("openat", true, dirfd, path, flags, mode);
    }

    public static int close(int fd) throws LastErrorException {
        return C.i("close", true, fd);
    }

    public static long read(int fd, byte[] buf, long count) throws LastErrorException {
        return C.l("read", true, fd, buf, count);
    }

    public static long write(int fd, byte[] buf, long count) throws LastErrorException {
        return C.l("write", true, fd, buf, count);
    }

    public static int dup3(int oldfd, int newfd, int flags) throws LastErrorException {
        return C.i("dup3", true, oldfd, newfd, flags);
    }

    public static int fcntl(int fd, int cmd, int arg) throws LastErrorException {
        return C.i("fcntl", true, fd, cmd, arg);
    }

    public static int ioctl(int fd, long request, Pointer arg) throws LastErrorException {
        return C.i("ioctl", true, fd, request, arg);
    }

    public static int ioctl(int fd, long request, long arg) throws LastErrorException {
        return C.i("ioctl", true, fd, request, arg);
    }

    public static int pipe2(int[] fds, int flags) throws LastErrorException {
        return C.i("pipe2", true, fds, flags);
    }

    public static int poll(Pointer fds, long nfds, int timeout) throws LastErrorException {
        return C.i("poll", true, fds, nfds, timeout);
    }

    public static int waitpid(int pid, int[] status, int options) throws LastErrorException {
        return C.i("waitpid", true, pid, status, options);
    }

    public static String strerror(int errnum) {
        return C.s("strerror", false, errnum);
    }


    // syscall(2) is variadic; fixed integer arguments are passed in the same registers on x86_64 and arm64.
    // Pointers are passed as addresses (Pointer.nativeValue) of Memory the caller keeps reachable.
    public static long syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6) throws LastErrorException {
        return C.l("syscall", true, number, a1, a2, a3, a4, a5, a6);
    }

}
