package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;

/** {@link Syscalls} on the real kernel. */
final class LinuxSyscalls implements Syscalls {
    static final LinuxSyscalls INSTANCE = new LinuxSyscalls();

    private LinuxSyscalls() {}

    @Override
    public void mount(String source, String target, String fstype, long flags, String data) {
        try {
            LibCFs.mount(source, target, fstype, flags, data);
        } catch (LastErrorException e) {
            throw Sys.fail("mount " + (source == null ? "" : source + " ") + "on " + target
                    + (fstype == null ? "" : " (" + fstype + ")"), e);
        }
    }

    @Override
    public void umount(String target, int flags) {
        try {
            LibCFs.umount2(target, flags);
        } catch (LastErrorException e) {
            throw Sys.fail("umount " + target, e);
        }
    }

    @Override
    public void mountSetattr(String path, boolean recursive, long attrSet, long attrClr) {
        Sys.mountSetattr(Sys.AT_FDCWD, path, recursive ? Sys.AT_RECURSIVE : 0, attrSet, attrClr, 0);
    }

    @Override
    public void mknod(String path, int mode, long dev) {
        try {
            LibCFs.mknod(path, mode, dev);
        } catch (LastErrorException e) {
            throw Sys.fail("mknod " + path, e);
        }
    }

    @Override
    public void lchown(String path, int uid, int gid) {
        try {
            LibCFs.lchown(path, uid, gid);
        } catch (LastErrorException e) {
            throw Sys.fail("chown " + path, e);
        }
    }

    @Override
    public void chmod(String path, int mode) {
        try {
            LibCFs.chmod(path, mode);
        } catch (LastErrorException e) {
            throw Sys.fail("chmod " + path, e);
        }
    }

    @Override
    public void symlink(String target, String linkPath) {
        try {
            LibCFs.symlink(target, linkPath);
        } catch (LastErrorException e) {
            throw Sys.fail("symlink " + linkPath, e);
        }
    }
}
