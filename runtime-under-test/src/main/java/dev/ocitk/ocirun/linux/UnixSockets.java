package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import dev.ocitk.ocirun.OcirunException;

import java.nio.charset.StandardCharsets;

/** AF_UNIX helpers: connecting to a path and passing a descriptor with SCM_RIGHTS (unix(7)). */
public final class UnixSockets {
    private static final int SOL_SOCKET = 1, SCM_RIGHTS = 1;

    private UnixSockets() {}

    /** Connects a close-on-exec stream socket to {@code path}. */
    public static int connect(String path) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        if (p.length > 107) {
            throw new OcirunException("socket path too long (over 107 bytes): " + path);
        }
        byte[] addr = new byte[2 + p.length + 1];
        addr[0] = (byte) Sys.AF_UNIX; // sa_family_t, little-endian on x86_64 and arm64
        System.arraycopy(p, 0, addr, 2, p.length);
        int fd;
        try {
            fd = LibCProc.socket(Sys.AF_UNIX, Sys.SOCK_STREAM | Sys.SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw Sys.fail("socket", e);
        }
        try {
            LibCProc.connect(fd, addr, addr.length);
        } catch (LastErrorException e) {
            Sys.closeQuietly(fd);
            throw new OcirunException("cannot connect to console socket " + path + ": " + Sys.errnoText(e.getErrorCode()));
        }
        return fd;
    }

    /**
     * Sends {@code fdToSend} over {@code socket} with {@code payload} as the message body (runc sends
     * the pty's name there; receivers take the descriptor from the control message).
     */
    public static void sendFd(int socket, String payload, int fdToSend) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        Memory data = new Memory(Math.max(1, body.length));
        data.write(0, body, 0, body.length);
        Memory iov = new Memory(16);
        iov.setPointer(0, data);
        iov.setLong(8, body.length);
        // struct cmsghdr { size_t cmsg_len; int cmsg_level; int cmsg_type; int fd; } padded to CMSG_SPACE(4) = 24.
        Memory control = new Memory(24);
        control.clear();
        control.setLong(0, 20);
        control.setInt(8, SOL_SOCKET);
        control.setInt(12, SCM_RIGHTS);
        control.setInt(16, fdToSend);
        // struct msghdr: name, namelen(+pad), iov, iovlen, control, controllen, flags(+pad) = 56 bytes.
        Memory msg = new Memory(56);
        msg.clear();
        msg.setPointer(16, iov);
        msg.setLong(24, 1);
        msg.setPointer(32, control);
        msg.setLong(40, 24);
        try {
            LibCProc.sendmsg(socket, msg, 0);
        } catch (LastErrorException e) {
            throw new OcirunException("cannot send the terminal to the console socket: " + Sys.errnoText(e.getErrorCode()));
        } finally {
            java.lang.ref.Reference.reachabilityFence(data);
            java.lang.ref.Reference.reachabilityFence(iov);
            java.lang.ref.Reference.reachabilityFence(control);
            java.lang.ref.Reference.reachabilityFence(msg);
        }
    }
}
