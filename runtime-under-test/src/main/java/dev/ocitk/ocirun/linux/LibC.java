package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * glibc functions through JNA direct mapping (faster to bind and call than interface proxies).
 * Each function declared {@code throws LastErrorException} fails with errno. Raw syscalls without
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
        // JNA logs through java.util.logging, whose LogManager would read logging.properties at start-up.
        if (System.getProperty("java.util.logging.config.class") == null) {
            System.setProperty("java.util.logging.config.class", QuietLogging.class.getName());
        }
        LIBRARY = NativeLibrary.getInstance("libc.so.6");
        Native.register(LibC.class, LIBRARY);
    }

    private LibC() {}

    /** Binds every group now: the init process must bind before pivot_root hides the host's libraries. */
    public static void load() {
        for (Class<?> c : new Class<?>[] {LibCFs.class, LibCProc.class, LibCSpawn.class}) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** java.util.logging configuration that configures nothing (JNA logs nothing at default levels). */
    public static final class QuietLogging {
        public QuietLogging() {
            // intentionally empty: no file to read, default levels apply
        }
    }

    public static native int getpid();

    public static native int kill(int pid, int sig) throws LastErrorException;

    public static native int open(String path, int flags, int mode) throws LastErrorException;

    public static native int openat(int dirfd, String path, int flags, int mode) throws LastErrorException;

    public static native int close(int fd) throws LastErrorException;

    public static native long read(int fd, byte[] buf, long count) throws LastErrorException;

    public static native long write(int fd, byte[] buf, long count) throws LastErrorException;

    public static native int dup3(int oldfd, int newfd, int flags) throws LastErrorException;

    public static native int fcntl(int fd, int cmd, int arg) throws LastErrorException;

    public static native int ioctl(int fd, long request, Pointer arg) throws LastErrorException;

    public static native int ioctl(int fd, long request, long arg) throws LastErrorException;

    public static native int pipe2(int[] fds, int flags) throws LastErrorException;

    public static native int poll(Pointer fds, long nfds, int timeout) throws LastErrorException;

    public static native int waitpid(int pid, int[] status, int options) throws LastErrorException;

    public static native String strerror(int errnum);


    // syscall(2) is variadic; fixed integer arguments are passed in the same registers on x86_64 and arm64.
    // Pointers are passed as addresses (Pointer.nativeValue) of Memory the caller keeps reachable.
    public static native long syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6)
            throws LastErrorException;

}
