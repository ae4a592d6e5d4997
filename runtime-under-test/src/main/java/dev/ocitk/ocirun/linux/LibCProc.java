package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Process, namespace and socket calls of create and the init: bound only by the processes that use them.
 * Split from {@link LibC} because JNA binds every native method of a class when the class is
 * initialised, and each binding costs start-up time of the commands that never call it.
 */
public final class LibCProc {
    static {
        Native.register(LibCProc.class, LibC.LIBRARY);
    }

    private LibCProc() {}

    public static native int unshare(int flags) throws LastErrorException;

    public static native int setns(int fd, int nstype) throws LastErrorException;

    public static native int umask(int mask);

    public static native int sethostname(byte[] name, long len) throws LastErrorException;

    public static native int setdomainname(byte[] name, long len) throws LastErrorException;

    public static native int setsid() throws LastErrorException;

    public static native int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

    public static native int personality(long persona) throws LastErrorException;

    public static native int prlimit(int pid, int resource, long[] newLimit, long[] oldLimit) throws LastErrorException;

    public static native int socketpair(int domain, int type, int protocol, int[] sv) throws LastErrorException;

    public static native int socket(int domain, int type, int protocol) throws LastErrorException;

    public static native int connect(int fd, byte[] addr, int addrlen) throws LastErrorException;

    public static native long sendmsg(int fd, Pointer msg, int flags) throws LastErrorException;

    public static native int sigprocmask(int how, Pointer set, Pointer oldset) throws LastErrorException;

    public static native int execve(String path, Pointer argv, Pointer envp) throws LastErrorException;
}
