package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;

/**
 * File-system calls of the rootfs set-up (init) and of create: bound only by the processes that use them.
 * Grouped by use; each function is looked up on its first call (see {@link NativeCalls}).
 */
public final class LibCFs {
    private static final NativeCalls C = LibC.CALLS;

    private LibCFs() {}

    public static int mount(String source, String target, String fstype, long flags, String data) throws LastErrorException {
        return C.i("mount", true, source, target, fstype, flags, data);
    }

    public static int umount2(String target, int flags) throws LastErrorException {
        return C.i("umount2", true, target, flags);
    }

    public static int mkfifo(String path, int mode) throws LastErrorException {
        return C.i("mkfifo", true, path, mode);
    }

    public static int mknod(String path, int mode, long dev) throws LastErrorException {
        return C.i("mknod", true, path, mode, dev);
    }

    public static int lchown(String path, int uid, int gid) throws LastErrorException {
        return C.i("lchown", true, path, uid, gid);
    }

    public static int chmod(String path, int mode) throws LastErrorException {
        return C.i("chmod", true, path, mode);
    }

    public static int symlink(String target, String linkpath) throws LastErrorException {
        return C.i("symlink", true, target, linkpath);
    }

    public static int chdir(String path) throws LastErrorException {
        return C.i("chdir", true, path);
    }

    public static int fchdir(int fd) throws LastErrorException {
        return C.i("fchdir", true, fd);
    }

    public static int chroot(String path) throws LastErrorException {
        return C.i("chroot", true, path);
    }
}
