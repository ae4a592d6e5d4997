package dev.ocitk.ocirun.init;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.linux.LibC;
import dev.ocitk.ocirun.linux.MountOptions;
import dev.ocitk.ocirun.linux.Sys;
import dev.ocitk.ocirun.linux.Syscalls;
import dev.ocitk.ocirun.linux.UnixSockets;
import dev.ocitk.ocirun.spec.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The container's terminal (config.md#process {@code terminal}): a pty pair from the container's
 * own devpts, the slave bind-mounted on /dev/console (config-linux.md#default-devices), the master
 * sent to the caller's console socket with SCM_RIGHTS (runc's protocol, with the slave's path as
 * the message body). Runs after pivot_root so /dev/ptmx is the container's.
 */
public final class Console {
    private static final long TIOCSPTLCK = 0x40045431L, TIOCGPTN = 0x80045430L, TIOCSWINSZ = 0x5414, TIOCSCTTY = 0x540E;

    private Console() {}

    /** Creates the pty, sends its master, and returns the slave descriptor for the program's stdio. */
    public static int setUp(Syscalls sys, int consoleSocket, Spec.ConsoleSize size) {
        int master = Sys.open("/dev/ptmx", Sys.O_RDWR | Sys.O_NOCTTY | Sys.O_CLOEXEC, 0);
        int slave = -1;
        try {
            Memory zero = new Memory(4);
            zero.setInt(0, 0);
            Memory n = new Memory(4);
            try {
                LibC.ioctl(master, TIOCSPTLCK, zero);
                LibC.ioctl(master, TIOCGPTN, n);
            } catch (LastErrorException e) {
                throw Sys.fail("unlock pty", e);
            }
            String slavePath = "/dev/pts/" + n.getInt(0);
            slave = Sys.open(slavePath, Sys.O_RDWR | Sys.O_NOCTTY | Sys.O_CLOEXEC, 0);
            if (size != null) {
                Memory ws = new Memory(8);
                ws.setShort(0, (short) size.height());
                ws.setShort(2, (short) size.width());
                ws.setShort(4, (short) 0);
                ws.setShort(6, (short) 0);
                try {
                    LibC.ioctl(slave, TIOCSWINSZ, ws);
                } catch (LastErrorException e) {
                    throw Sys.fail("set console size", e);
                }
            }
            Path console = Path.of("/dev/console");
            try {
                if (!Files.exists(console, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createFile(console);
                }
            } catch (IOException e) {
                throw new OcirunException("cannot create /dev/console: " + e.getMessage());
            }
            sys.mount(slavePath, "/dev/console", "bind", MountOptions.MS_BIND, null);
            UnixSockets.sendFd(consoleSocket, slavePath, master);
            return slave;
        } catch (RuntimeException e) {
            Sys.closeQuietly(slave);
            throw e;
        } finally {
            Sys.closeQuietly(master);
            Sys.closeQuietly(consoleSocket);
        }
    }

    /** Makes {@code slave} the program's stdio and controlling terminal (the init is a session leader). */
    public static void attach(int slave) {
        for (int fd = 0; fd <= 2; fd++) {
            Sys.dup3(slave, fd, 0);
        }
        try {
            LibC.ioctl(0, TIOCSCTTY, 0L);
        } catch (LastErrorException e) {
            throw Sys.fail("set controlling terminal", e);
        }
    }
}
