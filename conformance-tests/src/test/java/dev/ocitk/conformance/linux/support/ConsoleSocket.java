package dev.ocitk.conformance.linux.support;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.ocitk.conformance.Container;
import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.Bundle;
import dev.ocitk.conformance.runtime.CommandResult;
import dev.ocitk.conformance.runtime.Stdio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import static dev.ocitk.conformance.RuntimeAssertions.assertSucceeded;

/**
 * The receiving end of the runc dialect's {@code --console-socket}: a unix socket the test listens on, to which the
 * runtime connects during {@code create} and sends the pseudoterminal master of a {@code terminal: true} container
 * as SCM_RIGHTS ancillary data. Java 17 cannot receive file descriptors, so this goes through {@link Libc}. Every
 * wait is bounded; {@link #close()} closes the socket, the master and removes the socket file.
 */
public final class ConsoleSocket implements AutoCloseable {

    private final Path path;
    private final int listener;
    private volatile int master = -1;

    private ConsoleSocket(Path path, int listener) {
        this.path = path;
        this.listener = listener;
    }

    /** Listens on a new unix socket at {@code path} (at most 107 bytes). */
    public static ConsoleSocket listen(Path path) throws IOException {
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        if (name.length > 107) throw new IOException("socket path too long for sockaddr_un: " + path);
        int fd = call(() -> Libc.INSTANCE.socket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0), "socket");
        try {
            Libc.SockaddrUn addr = new Libc.SockaddrUn();
            addr.sun_family = Libc.AF_UNIX;
            System.arraycopy(name, 0, addr.sun_path, 0, name.length);
            call(() -> Libc.INSTANCE.bind(fd, addr, addr.size()), "bind " + path);
            call(() -> Libc.INSTANCE.listen(fd, 1), "listen");
        } catch (IOException e) {
            Libc.INSTANCE.close(fd);
            throw e;
        }
        return new ConsoleSocket(path, fd);
    }

    public Path path() {
        return path;
    }

    /**
     * {@code create --console-socket} of a {@code terminal: true} bundle through this socket, asserting that the
     * create succeeded. The runtime connects and sends the master during create; the connection waits in the
     * socket's backlog, so {@link #receiveMaster} after this returns is as good as receiving meanwhile.
     */
    public Container create(RuntimeUnderTest runtime, Bundle bundle) {
        CommandResult create = runtime.client().call(List.of("create", "--bundle", bundle.dir().toString(),
                "--pid-file", bundle.pidFile().toString(), "--console-socket", path.toString(),
                bundle.containerId()), Stdio.captured());
        Container container = runtime.container(bundle.containerId(), bundle);
        assertSucceeded(create, "create of a terminal container with --console-socket");
        container.state(); // records the container's pid for the leak check
        return container;
    }

    /**
     * Waits for the runtime to connect and send one file descriptor; returns it (also kept for {@link #close()}),
     * or empty when nothing arrived before the deadline.
     */
    public OptionalInt receiveMaster(Duration timeout) throws IOException {
        if (!poll(listener, Libc.POLLIN, timeout)) return OptionalInt.empty();
        int conn = call(() -> Libc.INSTANCE.accept4(listener, Pointer.NULL, Pointer.NULL, Libc.SOCK_CLOEXEC), "accept");
        try {
            if (!poll(conn, Libc.POLLIN, timeout)) return OptionalInt.empty();
            Memory data = new Memory(4096);
            Libc.Iovec iov = new Libc.Iovec();
            iov.iov_base = data;
            iov.iov_len = data.size();
            iov.write();
            // cmsghdr: size_t cmsg_len, int cmsg_level, int cmsg_type, then the data (one int fd), 8-byte aligned.
            Memory control = new Memory(64);
            control.clear();
            Libc.Msghdr msg = new Libc.Msghdr();
            msg.msg_iov = iov.getPointer();
            msg.msg_iovlen = 1;
            msg.msg_control = control;
            msg.msg_controllen = control.size();
            long n = call(() -> (int) Libc.INSTANCE.recvmsg(conn, msg, 0), "recvmsg");
            msg.read();
            if (n < 0 || msg.msg_controllen < 16 + 4) return OptionalInt.empty();
            int level = control.getInt(8);
            int type = control.getInt(12);
            if (level != Libc.SOL_SOCKET || type != Libc.SCM_RIGHTS) return OptionalInt.empty();
            master = control.getInt(16);
            return OptionalInt.of(master);
        } finally {
            Libc.INSTANCE.close(conn);
        }
    }

    /** Whether the received descriptor is a terminal (the pseudoterminal master is one). */
    public boolean masterIsTerminal() {
        return master >= 0 && Libc.INSTANCE.isatty(master) == 1;
    }

    /** Writes {@code text} to the terminal, as if typed. */
    public void type(String text, Duration timeout) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int off = 0;
        while (off < b.length) {
            if (!poll(master, Libc.POLLOUT, timeout)) throw new IOException("terminal not writable within " + timeout);
            byte[] rest = java.util.Arrays.copyOfRange(b, off, b.length);
            off += call(() -> (int) Libc.INSTANCE.write(master, rest, rest.length), "write to the terminal");
        }
    }

    /** Reads what the program writes to the terminal until {@code expected} appears or the deadline passes. */
    public String readUntil(String expected, Duration timeout) throws IOException {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[4096];
        while (!seen.toString().contains(expected)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !poll(master, Libc.POLLIN, Duration.ofNanos(left))) break;
            int n;
            try {
                n = (int) Libc.INSTANCE.read(master, buf, buf.length);
            } catch (LastErrorException e) {
                break; // EIO once the slave side is closed: the program has exited
            }
            if (n <= 0) break;
            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return seen.toString();
    }

    @Override
    public void close() throws IOException {
        if (master >= 0) Libc.INSTANCE.close(master);
        Libc.INSTANCE.close(listener);
        Files.deleteIfExists(path);
    }

    private static boolean poll(int fd, short events, Duration timeout) throws IOException {
        Libc.PollFd[] fds = (Libc.PollFd[]) new Libc.PollFd().toArray(1);
        fds[0].fd = fd;
        fds[0].events = events;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int millis = (int) Math.max(0, Math.min(Integer.MAX_VALUE, (deadline - System.nanoTime()) / 1_000_000));
            try {
                return Libc.INSTANCE.poll(fds, 1, millis) > 0;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Libc.EINTR || System.nanoTime() > deadline) throw new IOException("poll: " + e.getMessage(), e);
            }
        }
    }

    @FunctionalInterface
    private interface Call {
        int run();
    }

    private static int call(Call c, String what) throws IOException {
        try {
            return c.run();
        } catch (LastErrorException e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
    }
}
