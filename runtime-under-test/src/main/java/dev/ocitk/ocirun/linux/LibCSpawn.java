package dev.ocitk.ocirun.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;

/**
 * glibc posix_spawn and signal-set helpers (the spawn calls return an error number instead of setting errno).
 * Grouped by use; each function is looked up on its first call (see {@link NativeCalls}).
 */
public final class LibCSpawn {
    private static final NativeCalls C = LibC.CALLS;

    private LibCSpawn() {}

    public static int sigemptyset(Pointer set) {
        return C.i("sigemptyset", false, set);
    }

    public static int sigfillset(Pointer set) {
        return C.i("sigfillset", false, set);
    }

    public static int posix_spawn(int[] pid, String path, Pointer fileActions, Pointer attr, Pointer argv, Pointer envp) {
        return C.i("posix_spawn", false, pid, path, fileActions, attr, argv, envp);
    }

    public static int posix_spawn_file_actions_init(Pointer fa) {
        return C.i("posix_spawn_file_actions_init", false, fa);
    }

    public static int posix_spawn_file_actions_destroy(Pointer fa) {
        return C.i("posix_spawn_file_actions_destroy", false, fa);
    }

    public static int posix_spawn_file_actions_adddup2(Pointer fa, int fd, int newfd) {
        return C.i("posix_spawn_file_actions_adddup2", false, fa, fd, newfd);
    }

    public static int posix_spawn_file_actions_addclosefrom_np(Pointer fa, int from) {
        return C.i("posix_spawn_file_actions_addclosefrom_np", false, fa, from);
    }

    public static int posix_spawn_file_actions_addchdir_np(Pointer fa, String path) {
        return C.i("posix_spawn_file_actions_addchdir_np", false, fa, path);
    }

    public static int posix_spawnattr_init(Pointer attr) {
        return C.i("posix_spawnattr_init", false, attr);
    }

    public static int posix_spawnattr_destroy(Pointer attr) {
        return C.i("posix_spawnattr_destroy", false, attr);
    }

    public static int posix_spawnattr_setflags(Pointer attr, short flags) {
        return C.i("posix_spawnattr_setflags", false, attr, flags);
    }

    public static int posix_spawnattr_setsigmask(Pointer attr, Pointer sigmask) {
        return C.i("posix_spawnattr_setsigmask", false, attr, sigmask);
    }

    public static int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigdefault) {
        return C.i("posix_spawnattr_setsigdefault", false, attr, sigdefault);
    }
}
