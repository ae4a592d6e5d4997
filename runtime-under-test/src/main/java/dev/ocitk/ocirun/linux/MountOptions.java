package dev.ocitk.ocirun.linux;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The Linux mount option strings of config.md#linux-mount-options mapped onto mount(2) flags,
 * propagation changes and mount_setattr(2) attributes. Options the table does not know are
 * filesystem-specific and go, comma-joined and in order, into mount(2)'s data argument, as the
 * spec recommends. {@code features} reports {@link #known()}, the same table create uses.
 */
public final class MountOptions {
    // mount(2) flags, linux/mount.h
    public static final long MS_RDONLY = 1, MS_NOSUID = 2, MS_NODEV = 4, MS_NOEXEC = 8, MS_SYNCHRONOUS = 16,
            MS_REMOUNT = 32, MS_MANDLOCK = 64, MS_DIRSYNC = 128, MS_NOSYMFOLLOW = 256, MS_NOATIME = 1024,
            MS_NODIRATIME = 2048, MS_BIND = 4096, MS_MOVE = 8192, MS_REC = 16384, MS_SILENT = 32768,
            MS_UNBINDABLE = 1 << 17, MS_PRIVATE = 1 << 18, MS_SLAVE = 1 << 19, MS_SHARED = 1 << 20,
            MS_RELATIME = 1 << 21, MS_I_VERSION = 1 << 23, MS_STRICTATIME = 1 << 24, MS_LAZYTIME = 1 << 25;

    // mount_setattr(2) attributes, linux/mount.h
    public static final long MOUNT_ATTR_RDONLY = 0x1, MOUNT_ATTR_NOSUID = 0x2, MOUNT_ATTR_NODEV = 0x4,
            MOUNT_ATTR_NOEXEC = 0x8, MOUNT_ATTR__ATIME = 0x70, MOUNT_ATTR_RELATIME = 0x0,
            MOUNT_ATTR_NOATIME = 0x10, MOUNT_ATTR_STRICTATIME = 0x20, MOUNT_ATTR_NODIRATIME = 0x80,
            MOUNT_ATTR_NOSYMFOLLOW = 0x200000;

    /** What an option string does. */
    public enum Kind {
        /** Sets a mount(2) flag. */
        SET,
        /** Clears a mount(2) flag. */
        CLEAR,
        /** Changes propagation after the mount: one mount(2) call with a propagation flag. */
        PROPAGATION,
        /** A mount_setattr(2) attribute applied recursively (AT_RECURSIVE) after the mount. */
        RECURSIVE_SET,
        RECURSIVE_CLEAR,
        /** An atime mode applied recursively; the value is the MOUNT_ATTR_* mode. */
        RECURSIVE_ATIME,
        /** bind or rbind. */
        BIND,
        /** Handled by ocirun itself, never passed to the kernel (tmpcopyup, idmap, ridmap). */
        RUNTIME
    }

    public record Option(String name, Kind kind, long value) {}

    private static final Map<String, Option> KNOWN;

    static {
        Map<String, Option> m = new LinkedHashMap<>();
        put(m, "async", Kind.CLEAR, MS_SYNCHRONOUS);
        put(m, "atime", Kind.CLEAR, MS_NOATIME);
        put(m, "bind", Kind.BIND, MS_BIND);
        put(m, "defaults", Kind.SET, 0);
        put(m, "dev", Kind.CLEAR, MS_NODEV);
        put(m, "diratime", Kind.CLEAR, MS_NODIRATIME);
        put(m, "dirsync", Kind.SET, MS_DIRSYNC);
        put(m, "exec", Kind.CLEAR, MS_NOEXEC);
        put(m, "iversion", Kind.SET, MS_I_VERSION);
        put(m, "lazytime", Kind.SET, MS_LAZYTIME);
        put(m, "loud", Kind.CLEAR, MS_SILENT);
        put(m, "mand", Kind.SET, MS_MANDLOCK);
        put(m, "noatime", Kind.SET, MS_NOATIME);
        put(m, "nodev", Kind.SET, MS_NODEV);
        put(m, "nodiratime", Kind.SET, MS_NODIRATIME);
        put(m, "noexec", Kind.SET, MS_NOEXEC);
        put(m, "noiversion", Kind.CLEAR, MS_I_VERSION);
        put(m, "nolazytime", Kind.CLEAR, MS_LAZYTIME);
        put(m, "nomand", Kind.CLEAR, MS_MANDLOCK);
        put(m, "norelatime", Kind.CLEAR, MS_RELATIME);
        put(m, "nostrictatime", Kind.CLEAR, MS_STRICTATIME);
        put(m, "nosuid", Kind.SET, MS_NOSUID);
        put(m, "nosymfollow", Kind.SET, MS_NOSYMFOLLOW);
        put(m, "private", Kind.PROPAGATION, MS_PRIVATE);
        put(m, "ratime", Kind.RECURSIVE_ATIME, MOUNT_ATTR_RELATIME);
        put(m, "rbind", Kind.BIND, MS_BIND | MS_REC);
        put(m, "rdev", Kind.RECURSIVE_CLEAR, MOUNT_ATTR_NODEV);
        put(m, "rdiratime", Kind.RECURSIVE_CLEAR, MOUNT_ATTR_NODIRATIME);
        put(m, "relatime", Kind.SET, MS_RELATIME);
        put(m, "remount", Kind.SET, MS_REMOUNT);
        put(m, "rexec", Kind.RECURSIVE_CLEAR, MOUNT_ATTR_NOEXEC);
        put(m, "rnoatime", Kind.RECURSIVE_ATIME, MOUNT_ATTR_NOATIME);
        put(m, "rnodev", Kind.RECURSIVE_SET, MOUNT_ATTR_NODEV);
        put(m, "rnodiratime", Kind.RECURSIVE_SET, MOUNT_ATTR_NODIRATIME);
        put(m, "rnoexec", Kind.RECURSIVE_SET, MOUNT_ATTR_NOEXEC);
        put(m, "rnorelatime", Kind.RECURSIVE_ATIME, MOUNT_ATTR_STRICTATIME);
        put(m, "rnostrictatime", Kind.RECURSIVE_ATIME, MOUNT_ATTR_RELATIME);
        put(m, "rnosuid", Kind.RECURSIVE_SET, MOUNT_ATTR_NOSUID);
        put(m, "rnosymfollow", Kind.RECURSIVE_SET, MOUNT_ATTR_NOSYMFOLLOW);
        put(m, "ro", Kind.SET, MS_RDONLY);
        put(m, "rprivate", Kind.PROPAGATION, MS_PRIVATE | MS_REC);
        put(m, "rrelatime", Kind.RECURSIVE_ATIME, MOUNT_ATTR_RELATIME);
        put(m, "rro", Kind.RECURSIVE_SET, MOUNT_ATTR_RDONLY);
        put(m, "rrw", Kind.RECURSIVE_CLEAR, MOUNT_ATTR_RDONLY);
        put(m, "rshared", Kind.PROPAGATION, MS_SHARED | MS_REC);
        put(m, "rslave", Kind.PROPAGATION, MS_SLAVE | MS_REC);
        put(m, "rstrictatime", Kind.RECURSIVE_ATIME, MOUNT_ATTR_STRICTATIME);
        put(m, "rsuid", Kind.RECURSIVE_CLEAR, MOUNT_ATTR_NOSUID);
        put(m, "rsymfollow", Kind.RECURSIVE_CLEAR, MOUNT_ATTR_NOSYMFOLLOW);
        put(m, "runbindable", Kind.PROPAGATION, MS_UNBINDABLE | MS_REC);
        put(m, "rw", Kind.CLEAR, MS_RDONLY);
        put(m, "shared", Kind.PROPAGATION, MS_SHARED);
        put(m, "silent", Kind.SET, MS_SILENT);
        put(m, "slave", Kind.PROPAGATION, MS_SLAVE);
        put(m, "strictatime", Kind.SET, MS_STRICTATIME);
        put(m, "suid", Kind.CLEAR, MS_NOSUID);
        put(m, "symfollow", Kind.CLEAR, MS_NOSYMFOLLOW);
        put(m, "sync", Kind.SET, MS_SYNCHRONOUS);
        put(m, "tmpcopyup", Kind.RUNTIME, 0);
        put(m, "unbindable", Kind.PROPAGATION, MS_UNBINDABLE);
        KNOWN = Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, Option> m, String name, Kind kind, long value) {
        m.put(name, new Option(name, kind, value));
    }

    private MountOptions() {}

    /** Every option string ocirun recognises (for features.md#mount-options). */
    public static List<String> known() {
        return List.copyOf(KNOWN.keySet());
    }

    /** The ID-mapping options: recognised, but ocirun cannot apply them (no user namespaces). */
    public static boolean isIdmap(String option) {
        return "idmap".equals(option) || "ridmap".equals(option);
    }

    /**
     * The effect of one mount entry's options.
     *
     * @param flags       mount(2) flags for the mount call, bind bits included
     * @param propagation propagation changes in listed order, each for its own mount(2) call
     * @param attrSet     mount_setattr attr_set (0 with attrClr 0 means no call)
     * @param attrClr     mount_setattr attr_clr
     * @param data        filesystem-specific options for mount(2)'s data argument, or "" for none
     * @param tmpcopyup   copy the destination's existing content into the new tmpfs
     */
    public record Parsed(long flags, List<Long> propagation, long attrSet, long attrClr, String data,
                         boolean tmpcopyup) {

        public boolean isBind() {
            return (flags & MS_BIND) != 0;
        }

        public boolean isRecursiveBind() {
            return (flags & (MS_BIND | MS_REC)) == (MS_BIND | MS_REC);
        }

        public boolean hasRecursiveAttrs() {
            return attrSet != 0 || attrClr != 0;
        }

        /** Flags a bind mount needs re-applied with MS_REMOUNT, since MS_BIND ignores them. */
        public long remountFlags() {
            return flags & ~(MS_BIND | MS_REC | MS_REMOUNT);
        }
    }

    /** Parses a mount entry's options in order; later options override earlier ones, as in mount(8). */
    public static Parsed parse(List<String> options) {
        long flags = 0;
        long attrSet = 0;
        long attrClr = 0;
        Long atime = null;
        boolean tmpcopyup = false;
        List<Long> propagation = new ArrayList<>();
        StringJoiner data = new StringJoiner(",");
        for (String o : options) {
            Option opt = KNOWN.get(o);
            if (opt == null) {
                data.add(o);
                continue;
            }
            switch (opt.kind()) {
                case SET, BIND -> flags |= opt.value();
                case CLEAR -> flags &= ~opt.value();
                case PROPAGATION -> propagation.add(opt.value());
                case RECURSIVE_SET -> {
                    attrSet |= opt.value();
                    attrClr &= ~opt.value();
                }
                case RECURSIVE_CLEAR -> {
                    attrClr |= opt.value();
                    attrSet &= ~opt.value();
                }
                case RECURSIVE_ATIME -> atime = opt.value();
                case RUNTIME -> tmpcopyup |= "tmpcopyup".equals(o);
            }
        }
        if (atime != null) {
            // The kernel wants the whole atime field cleared and exactly one mode set (mount_setattr(2)).
            attrClr |= MOUNT_ATTR__ATIME;
            attrSet |= atime;
        }
        return new Parsed(flags, List.copyOf(propagation), attrSet, attrClr, data.toString(), tmpcopyup);
    }
}
