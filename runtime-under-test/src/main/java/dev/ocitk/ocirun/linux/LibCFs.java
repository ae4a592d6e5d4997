package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * File-system calls of the rootfs set-up (init) and of create: bound only by the processes that use them.
 * Split from {@link LibC} because JNA binds every native method of a class when the class is
 * initialised, and each binding costs start-up time of the commands that never call it.
 */
public final class LibCFs {
    static {
        Native.register(LibCFs.class, LibC.LIBRARY);
    }

    private LibCFs() {}

    public static native int mount(String source, String target, String fstype, long flags, String data)
            throws LastErrorException;

    public static native int umount2(String target, int flags) throws LastErrorException;

    public static native int mkfifo(String path, int mode) throws LastErrorException;

    public static native int mknod(String path, int mode, long dev) throws LastErrorException;

    public static native int lchown(String path, int uid, int gid) throws LastErrorException;

    public static native int chmod(String path, int mode) throws LastErrorException;

    public static native int symlink(String target, String linkpath) throws LastErrorException;

    public static native int chdir(String path) throws LastErrorException;

    public static native int fchdir(int fd) throws LastErrorException;

    public static native int chroot(String path) throws LastErrorException;
}
