package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;

/**
 * Process, namespace and socket calls of create and the init: bound only by the processes that use them.
 * Grouped by use; each function is looked up on its first call (see {@link NativeCalls}).
 */
public final class LibCProc {
    private static final NativeCalls C = LibC.CALLS;

    private LibCProc() {}

    public static int unshare(int flags) throws LastErrorException {
        return C.i("unshare", true, flags);
    }

    public static int setns(int fd, int nstype) throws LastErrorException {
        return C.i("setns", true, fd, nstype);
    }

    public static int umask(int mask) {
        return C.i("umask", false, mask);
    }

    public static int sethostname(byte[] name, long len) throws LastErrorException {
        return C.i("sethostname", true, name, len);
    }

    public static int setdomainname(byte[] name, long len) throws LastErrorException {
        return C.i("setdomainname", true, name, len);
    }

    public static int setsid() throws LastErrorException {
        return C.i("setsid", true);
    }

    public static int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException {
        return C.i("prctl", true, option, arg2, arg3, arg4, arg5);
    }

    public static int personality(long persona) throws LastErrorException {
        return C.i("personality", true, persona);
    }

    public static int prlimit(int pid, int resource, long[] newLimit, long[] oldLimit) throws LastErrorException {
        return C.i("prlimit", true, pid, resource, newLimit, oldLimit);
    }

    public static int socketpair(int domain, int type, int protocol, int[] sv) throws LastErrorException {
        return C.i("socketpair", true, domain, type, protocol, sv);
    }

    public static int socket(int domain, int type, int protocol) throws LastErrorException {
        return C.i("socket", true, domain, type, protocol);
    }

    public static int connect(int fd, byte[] addr, int addrlen) throws LastErrorException {
        return C.i("connect", true, fd, addr, addrlen);
    }

    public static long sendmsg(int fd, Pointer msg, int flags) throws LastErrorException {
        return C.l("sendmsg", true, fd, msg, flags);
    }

    public static int sigprocmask(int how, Pointer set, Pointer oldset) throws LastErrorException {
        return C.i("sigprocmask", true, how, set, oldset);
    }

    public static int execve(String path, Pointer argv, Pointer envp) throws LastErrorException {
        return C.i("execve", true, path, argv, envp);
    }
}
