package dev.ocitk.ocirun.init;

import dev.ocitk.ocirun.linux.Syscalls;

import java.util.ArrayList;
import java.util.List;

/** Records the calls instead of making them, so mount sequences can be checked without root. */
final class RecordingSyscalls implements Syscalls {
    final List<String> calls = new ArrayList<>();

    @Override
    public void mount(String source, String target, String fstype, long flags, String data) {
        calls.add("mount " + source + " " + target + " " + fstype + " 0x" + Long.toHexString(flags) + " " + data);
    }

    @Override
    public void umount(String target, int flags) {
        calls.add("umount " + target + " " + flags);
    }

    @Override
    public void mountSetattr(String path, boolean recursive, long attrSet, long attrClr) {
        calls.add("setattr " + path + " " + recursive + " set=0x" + Long.toHexString(attrSet) + " clr=0x" + Long.toHexString(attrClr));
    }

    @Override
    public void mknod(String path, int mode, long dev) {
        calls.add("mknod " + path + " 0" + Integer.toOctalString(mode) + " " + dev);
    }

    @Override
    public void lchown(String path, int uid, int gid) {
        calls.add("chown " + path + " " + uid + ":" + gid);
    }

    @Override
    public void chmod(String path, int mode) {
        calls.add("chmod " + path + " 0" + Integer.toOctalString(mode));
    }

    @Override
    public void symlink(String target, String linkPath) {
        calls.add("symlink " + target + " " + linkPath);
    }
}
