package dev.ocitk.ocirun.init;

import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.linux.Sys;

import java.nio.charset.StandardCharsets;

/**
 * One end of the socketpair between the create command and the container's init process. Frames
 * are a type byte, a big-endian length and a payload. The order of a create is fixed:
 *
 * <pre>
 *   create                          init (PID 1 of the container)
 *   CONFIG(InitConfig)      ──►     (already in its cgroups) mounts, devices
 *                           ◄──     MOUNTS_DONE
 *   prestart, createRuntime hooks
 *   HOOKS_DONE              ──►     createContainer hooks, pivot_root, console, sysctl, paths
 *                           ◄──     READY   (then init blocks on the exec fifo)
 * </pre>
 *
 * Either side may instead send ERROR with a one-line message (HOOK_ERROR when a createContainer
 * hook failed, so create also runs the poststop hooks); end of stream means the peer died. The
 * init may send WARN frames at any point before READY: create logs them.
 */
public final class SyncSocket implements AutoCloseable {
    public static final byte CONFIG = 1, MOUNTS_DONE = 2, HOOKS_DONE = 3, READY = 4, ERROR = 5, HOOK_ERROR = 6, WARN = 7;
    private static final int MAX_FRAME = 64 << 20;

    private int fd;

    public SyncSocket(int fd) {
        this.fd = fd;
    }

    public int fd() {
        return fd;
    }

    public record Frame(byte type, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    public void send(byte type, byte[] payload) {
        byte[] frame = new byte[5 + payload.length];
        frame[0] = type;
        frame[1] = (byte) (payload.length >>> 24);
        frame[2] = (byte) (payload.length >>> 16);
        frame[3] = (byte) (payload.length >>> 8);
        frame[4] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 5, payload.length);
        Sys.writeFully(fd, frame);
    }

    public void send(byte type) {
        send(type, new byte[0]);
    }

    public void sendError(String message) {
        send(ERROR, message.getBytes(StandardCharsets.UTF_8));
    }

    /** The next frame, or null at end of stream. */
    public Frame receive() {
        byte[] header = readExactly(5);
        if (header == null) {
            return null;
        }
        int len = ((header[1] & 0xff) << 24) | ((header[2] & 0xff) << 16) | ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        if (len < 0 || len > MAX_FRAME) {
            throw new OcirunException("sync socket: frame of " + len + " bytes");
        }
        byte[] payload = len == 0 ? new byte[0] : readExactly(len);
        if (payload == null) {
            return null;
        }
        return new Frame(header[0], payload);
    }

    private byte[] readExactly(int n) {
        byte[] out = new byte[n];
        int off = 0;
        byte[] buf = new byte[Math.min(n, 65536)];
        while (off < n) {
            byte[] b = buf.length <= n - off ? buf : new byte[n - off];
            int r = Sys.read(fd, b);
            if (r == 0) {
                return null;
            }
            System.arraycopy(b, 0, out, off, r);
            off += r;
        }
        return out;
    }

    @Override
    public void close() {
        Sys.closeQuietly(fd);
        fd = -1;
    }
}
