package dev.ocitk.ocirun.linux;

/**
 * Numbers of the system calls ocirun makes through syscall(2): those glibc wraps only recently or
 * not at all, and the credential calls whose glibc wrappers would change every thread of the JVM
 * (the init process must change only the thread that will execve). Calls added since Linux 5.1
 * share one number on every architecture.
 */
public final class SyscallNumbers {
    private static final boolean ARM64 = "aarch64".equals(System.getProperty("os.arch"));

    public static final long PIVOT_ROOT = ARM64 ? 41 : 155;
    public static final long RT_SIGACTION = ARM64 ? 134 : 13;
    public static final long CAPGET = ARM64 ? 90 : 125;
    public static final long CAPSET = ARM64 ? 91 : 126;
    public static final long SETRESUID = ARM64 ? 147 : 117;
    public static final long SETRESGID = ARM64 ? 149 : 119;
    public static final long SETGROUPS = ARM64 ? 159 : 116;
    public static final long GETTID = ARM64 ? 178 : 186;
    public static final long IOPRIO_SET = ARM64 ? 30 : 251;
    public static final long PIDFD_SEND_SIGNAL = 424;
    public static final long PIDFD_OPEN = 434;
    public static final long CLOSE_RANGE = 436;
    public static final long MOUNT_SETATTR = 442;

    private SyscallNumbers() {}

    public static void requireSupportedArch() {
        String arch = System.getProperty("os.arch");
        if (!"amd64".equals(arch) && !"aarch64".equals(arch)) {
            throw new dev.ocitk.ocirun.OcirunException("ocirun supports x86_64 and arm64 only, not " + arch);
        }
    }
}
