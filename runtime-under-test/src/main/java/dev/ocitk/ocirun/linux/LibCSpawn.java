package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * glibc posix_spawn and signal-set helpers (the spawn calls return an error number instead of setting errno).
 * Split from {@link LibC} because JNA binds every native method of a class when the class is
 * initialised, and each binding costs start-up time of the commands that never call it.
 */
public final class LibCSpawn {
    static {
        Native.register(LibCSpawn.class, LibC.LIBRARY);
    }

    private LibCSpawn() {}

    public static native int sigemptyset(Pointer set);

    public static native int sigfillset(Pointer set);

    public static native int posix_spawn(int[] pid, String path, Pointer fileActions, Pointer attr,
                                         Pointer argv, Pointer envp);

    public static native int posix_spawn_file_actions_init(Pointer fa);

    public static native int posix_spawn_file_actions_destroy(Pointer fa);

    public static native int posix_spawn_file_actions_adddup2(Pointer fa, int fd, int newfd);

    public static native int posix_spawn_file_actions_addclosefrom_np(Pointer fa, int from);

    public static native int posix_spawn_file_actions_addchdir_np(Pointer fa, String path);

    public static native int posix_spawnattr_init(Pointer attr);

    public static native int posix_spawnattr_destroy(Pointer attr);

    public static native int posix_spawnattr_setflags(Pointer attr, short flags);

    public static native int posix_spawnattr_setsigmask(Pointer attr, Pointer sigmask);

    public static native int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigdefault);
}
