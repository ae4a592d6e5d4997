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
    static {
        Native.register(LibC.class, NativeLibrary.getInstance("c"));
    }

    private LibC() {}

    /** Forces binding now: the init process must bind before pivot_root hides the host's libraries. */
    public static void load() {
        // the static initialiser did the work
    }

    public static native int getpid();

    public static native int kill(int pid, int sig) throws LastErrorException;

    public static native int mount(String source, String target, String fstype, long flags, String data)
            throws LastErrorException;

    public static native int umount2(String target, int flags) throws LastErrorException;

    public static native int unshare(int flags) throws LastErrorException;

    public static native int setns(int fd, int nstype) throws LastErrorException;

    public static native int open(String path, int flags, int mode) throws LastErrorException;

    public static native int openat(int dirfd, String path, int flags, int mode) throws LastErrorException;

    public static native int close(int fd) throws LastErrorException;

    public static native long read(int fd, byte[] buf, long count) throws LastErrorException;

    public static native long write(int fd, byte[] buf, long count) throws LastErrorException;

    public static native int dup3(int oldfd, int newfd, int flags) throws LastErrorException;

    public static native int fcntl(int fd, int cmd, int arg) throws LastErrorException;

    public static native int ioctl(int fd, long request, Pointer arg) throws LastErrorException;

    public static native int ioctl(int fd, long request, long arg) throws LastErrorException;

    public static native int mkfifo(String path, int mode) throws LastErrorException;

    public static native int mknod(String path, int mode, long dev) throws LastErrorException;

    public static native int lchown(String path, int uid, int gid) throws LastErrorException;

    public static native int chmod(String path, int mode) throws LastErrorException;

    public static native int symlink(String target, String linkpath) throws LastErrorException;

    public static native int chdir(String path) throws LastErrorException;

    public static native int fchdir(int fd) throws LastErrorException;

    public static native int chroot(String path) throws LastErrorException;

    public static native int umask(int mask);

    public static native int sethostname(byte[] name, long len) throws LastErrorException;

    public static native int setdomainname(byte[] name, long len) throws LastErrorException;

    public static native int setsid() throws LastErrorException;

    public static native int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

    public static native int personality(long persona) throws LastErrorException;

    public static native int prlimit(int pid, int resource, long[] newLimit, long[] oldLimit) throws LastErrorException;

    public static native int pipe2(int[] fds, int flags) throws LastErrorException;

    public static native int socketpair(int domain, int type, int protocol, int[] sv) throws LastErrorException;

    public static native int socket(int domain, int type, int protocol) throws LastErrorException;

    public static native int connect(int fd, byte[] addr, int addrlen) throws LastErrorException;

    public static native long sendmsg(int fd, Pointer msg, int flags) throws LastErrorException;

    public static native int poll(Pointer fds, long nfds, int timeout) throws LastErrorException;

    public static native int waitpid(int pid, int[] status, int options) throws LastErrorException;

    public static native int sigprocmask(int how, Pointer set, Pointer oldset) throws LastErrorException;

    public static native int sigemptyset(Pointer set);

    public static native int sigfillset(Pointer set);

    public static native int execve(String path, Pointer argv, Pointer envp) throws LastErrorException;

    public static native String strerror(int errnum);

    // posix_spawn returns the error number instead of setting errno.
    public static native int posix_spawn(int[] pid, String path, Pointer fileActions, Pointer attr,
                                         Pointer argv, Pointer envp);

    public static native int posix_spawn_file_actions_init(Pointer fa);

    public static native int posix_spawn_file_actions_destroy(Pointer fa);

    public static native int posix_spawn_file_actions_adddup2(Pointer fa, int fd, int newfd);

    public static native int posix_spawn_file_actions_addclosefrom_np(Pointer fa, int from);

    public static native int posix_spawn_file_actions_addchdir_np(Pointer fa, String path);

    public static native int posix_spawnattr_init(Pointer attr);

    public static native int posix_spawnattr_destroy(Pointer attr);

    public static native int posix_spawnattr_setflags(Pointer attr, short flags);

    public static native int posix_spawnattr_setsigmask(Pointer attr, Pointer sigmask);

    public static native int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigdefault);

    // syscall(2) is variadic; fixed integer arguments are passed in the same registers on x86_64 and arm64.
    // Pointers are passed as addresses (Pointer.nativeValue) of Memory the caller keeps reachable.
    public static native long syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6)
            throws LastErrorException;

}
