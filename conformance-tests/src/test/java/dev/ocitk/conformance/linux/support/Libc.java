package dev.ocitk.conformance.linux.support;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The few glibc calls the tests need that Java 17 has no API for: unix sockets with SCM_RIGHTS (the console socket),
 * {@code statvfs} mount flags and memfd seals of an executable. Calls throw {@link LastErrorException} (with errno)
 * on failure. Linux x86_64 and aarch64 layouts.
 */
interface Libc extends Library {

    Libc INSTANCE = Native.load("c", Libc.class);

    int AF_UNIX = 1;
    int SOCK_STREAM = 1;
    int SOCK_CLOEXEC = 02000000;
    int O_RDONLY = 0;
    int O_RDWR = 2;
    int O_NOCTTY = 0400;
    int O_CLOEXEC = 02000000;
    int SOL_SOCKET = 1;
    int SCM_RIGHTS = 1;
    int F_GET_SEALS = 1034;
    int F_SEAL_WRITE = 0x0008;
    int F_SEAL_FUTURE_WRITE = 0x0010;
    long ST_RDONLY = 1;
    short POLLIN = 0x001;
    short POLLOUT = 0x004;
    int EINTR = 4;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, SockaddrUn addr, int len) throws LastErrorException;

    int listen(int fd, int backlog) throws LastErrorException;

    int accept4(int fd, Pointer addr, Pointer len, int flags) throws LastErrorException;

    long recvmsg(int fd, Msghdr msg, int flags) throws LastErrorException;

    int poll(PollFd[] fds, long nfds, int timeoutMillis) throws LastErrorException;

    long read(int fd, byte[] buf, long count) throws LastErrorException;

    long write(int fd, byte[] buf, long count) throws LastErrorException;

    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int fcntl(int fd, int cmd, int arg) throws LastErrorException;

    int statvfs(String path, Pointer buf) throws LastErrorException;

    int isatty(int fd);

    /** struct sockaddr_un. */
    @Structure.FieldOrder({"sun_family", "sun_path"})
    class SockaddrUn extends Structure {
        public short sun_family;
        public byte[] sun_path = new byte[108];
    }

    /** struct iovec. */
    @Structure.FieldOrder({"iov_base", "iov_len"})
    class Iovec extends Structure {
        public Pointer iov_base;
        public long iov_len;
    }

    /** struct msghdr (64-bit). */
    @Structure.FieldOrder({"msg_name", "msg_namelen", "msg_iov", "msg_iovlen", "msg_control", "msg_controllen", "msg_flags"})
    class Msghdr extends Structure {
        public Pointer msg_name;
        public int msg_namelen;
        public Pointer msg_iov;
        public long msg_iovlen;
        public Pointer msg_control;
        public long msg_controllen;
        public int msg_flags;
    }

    /** struct pollfd. */
    @Structure.FieldOrder({"fd", "events", "revents"})
    class PollFd extends Structure {
        public int fd;
        public short events;
        public short revents;
    }

    /** Offset of {@code f_flag} in struct statvfs on 64-bit Linux (nine 8-byte fields before it). */
    int STATVFS_F_FLAG_OFFSET = 72;
    int STATVFS_SIZE = 112;
}
