package dev.ocitk.ocirun.linux;

/**
 * The file-system system calls of the rootfs and /dev setup, behind an interface so the order and
 * arguments of mounts can be unit-tested without root against a recording implementation. File
 * creation (directories, empty mount-point files) uses java.nio directly, which works in a temp
 * directory as well.
 */
public interface Syscalls {
    void mount(String source, String target, String fstype, long flags, String data);

    void umount(String target, int flags);

    /** mount_setattr(2) on {@code path}, recursively or on that mount only. */
    void mountSetattr(String path, boolean recursive, long attrSet, long attrClr);

    void mknod(String path, int mode, long dev);

    void lchown(String path, int uid, int gid);

    void chmod(String path, int mode);

    void symlink(String target, String linkPath);

    static Syscalls linux() {
        return LinuxSyscalls.INSTANCE;
    }
}
