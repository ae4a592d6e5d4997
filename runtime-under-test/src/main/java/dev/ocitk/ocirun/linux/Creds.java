package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import java.util.List;

/**
 * Credential and capability calls for the thread that will execve the container program. They
 * use raw syscalls on purpose: glibc's setuid family changes every thread of the process, but only
 * the exec'ing thread's credentials survive execve, and the JVM's other threads need not change.
 */
public final class Creds {
    private static final int PR_CAPBSET_DROP = 24, PR_SET_KEEPCAPS = 8, PR_SET_NO_NEW_PRIVS = 38,
            PR_CAP_AMBIENT = 47, PR_CAP_AMBIENT_RAISE = 2, PR_CAP_AMBIENT_CLEAR_ALL = 4;
    private static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;

    private Creds() {}

    /** effective, permitted, inheritable as 64-bit masks. */
    public record CapSets(long effective, long permitted, long inheritable) {}

    public static CapSets capget() {
        Memory hdr = new Memory(8);
        hdr.setInt(0, LINUX_CAPABILITY_VERSION_3);
        hdr.setInt(4, 0);
        Memory data = new Memory(24);
        data.clear();
        try {
            LibC.syscall(SyscallNumbers.CAPGET, Pointer.nativeValue(hdr), Pointer.nativeValue(data), 0, 0, 0, 0);
        } catch (LastErrorException e) {
            throw Sys.fail("capget", e);
        } finally {
            java.lang.ref.Reference.reachabilityFence(hdr);
            java.lang.ref.Reference.reachabilityFence(data);
        }
        return new CapSets(join(data, 0), join(data, 4), join(data, 8));
    }

    private static long join(Memory data, int offset) {
        return (data.getInt(offset) & 0xffffffffL) | ((data.getInt(offset + 12) & 0xffffffffL) << 32);
    }

    public static void capset(CapSets s) {
        Memory hdr = new Memory(8);
        hdr.setInt(0, LINUX_CAPABILITY_VERSION_3);
        hdr.setInt(4, 0);
        Memory data = new Memory(24);
        data.setInt(0, (int) s.effective());
        data.setInt(4, (int) s.permitted());
        data.setInt(8, (int) s.inheritable());
        data.setInt(12, (int) (s.effective() >>> 32));
        data.setInt(16, (int) (s.permitted() >>> 32));
        data.setInt(20, (int) (s.inheritable() >>> 32));
        try {
            LibC.syscall(SyscallNumbers.CAPSET, Pointer.nativeValue(hdr), Pointer.nativeValue(data), 0, 0, 0, 0);
        } catch (LastErrorException e) {
            throw Sys.fail("capset", e);
        } finally {
            java.lang.ref.Reference.reachabilityFence(hdr);
            java.lang.ref.Reference.reachabilityFence(data);
        }
    }

    public static void dropBounding(int cap) {
        try {
            LibCProc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != Sys.EINVAL) { // EINVAL: the kernel does not know this capability
                throw Sys.fail("drop bounding capability " + cap, e);
            }
        }
    }

    /** Raises one ambient capability; returns false if the kernel refuses (not permitted and inheritable). */
    public static boolean raiseAmbient(int cap) {
        try {
            LibCProc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    public static void clearAmbient() {
        try {
            LibCProc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
        } catch (LastErrorException e) {
            throw Sys.fail("clear ambient capabilities", e);
        }
    }

    public static void keepCaps(boolean keep) {
        try {
            LibCProc.prctl(PR_SET_KEEPCAPS, keep ? 1 : 0, 0, 0, 0);
        } catch (LastErrorException e) {
            throw Sys.fail("PR_SET_KEEPCAPS", e);
        }
    }

    public static void noNewPrivileges() {
        try {
            LibCProc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
        } catch (LastErrorException e) {
            throw Sys.fail("PR_SET_NO_NEW_PRIVS", e);
        }
    }

    public static void setGroups(List<Long> gids) {
        Memory m = new Memory(Math.max(4, 4L * gids.size()));
        for (int i = 0; i < gids.size(); i++) {
            m.setInt(4L * i, gids.get(i).intValue());
        }
        try {
            LibC.syscall(SyscallNumbers.SETGROUPS, gids.size(), Pointer.nativeValue(m), 0, 0, 0, 0);
        } catch (LastErrorException e) {
            throw Sys.fail("setgroups " + gids, e);
        } finally {
            java.lang.ref.Reference.reachabilityFence(m);
        }
    }

    public static void setResGid(long gid) {
        try {
            LibC.syscall(SyscallNumbers.SETRESGID, gid, gid, gid, 0, 0, 0);
        } catch (LastErrorException e) {
            throw Sys.fail("setresgid " + gid, e);
        }
    }

    public static void setResUid(long uid) {
        try {
            LibC.syscall(SyscallNumbers.SETRESUID, uid, uid, uid, 0, 0, 0);
        } catch (LastErrorException e) {
            throw Sys.fail("setresuid " + uid, e);
        }
    }

    /** The highest capability number the kernel knows (/proc/sys/kernel/cap_last_cap), or 40 if unreadable. */
    public static int lastCap() {
        try {
            return Integer.parseInt(readSysctl(java.nio.file.Path.of("/proc/sys/kernel/cap_last_cap")).trim());
        } catch (java.io.IOException | NumberFormatException e) {
            return Capability.values().length - 1;
        }
    }

    /**
     * Reads a /proc/sys file in one read(2). Files.readString must not be used there: it reads one
     * byte first to probe a zero-size file, and a sysctl file read at a non-zero offset is at EOF,
     * so it returns only the first digit.
     */
    public static String readSysctl(java.nio.file.Path file) throws java.io.IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            int n = in.read(buf, 0, buf.length);
            return n <= 0 ? "" : new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
