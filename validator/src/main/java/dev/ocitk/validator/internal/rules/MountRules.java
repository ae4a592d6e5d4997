package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;
import dev.ocitk.validator.internal.version.SpecVersions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The mounts array (config.md#mounts, #linux-mount-options, #posix-platform-mounts). Bind sources: BundleRules. */
public final class MountRules implements RuleSet {

    /** The options the spec's table lists (config.md#linux-mount-options). */
    static final Set<String> SPEC_OPTIONS = Set.of("async", "atime", "bind", "defaults", "dev", "diratime", "dirsync",
            "exec", "iversion", "lazytime", "loud", "mand", "noatime", "nodev", "nodiratime", "noexec", "noiversion",
            "nolazytime", "nomand", "norelatime", "nostrictatime", "nosuid", "nosymfollow", "private", "ratime",
            "rbind", "rdev", "rdiratime", "relatime", "remount", "rexec", "rnoatime", "rnodiratime", "rnoexec",
            "rnorelatime", "rnostrictatime", "rnosuid", "rnosymfollow", "ro", "rprivate", "rrelatime", "rro", "rrw",
            "rshared", "rslave", "rstrictatime", "rsuid", "rsymfollow", "runbindable", "rw", "shared", "silent",
            "slave", "strictatime", "suid", "symfollow", "sync", "tmpcopyup", "unbindable", "idmap", "ridmap",
            // Listed in the features example (features.md#mount-options) and implemented by runc.
            "rnodev", "acl", "noacl");

    /**
     * Bare-word options that are not generic but well known: filesystem-specific flags passed as mount data
     * (devpts, xfs, ext4, overlay) and runtime extensions (crun). Options of the form key=value are always taken
     * as filesystem-specific.
     */
    static final Set<String> KNOWN_EXTRA_OPTIONS = Set.of("newinstance", "nouuid", "user_xattr", "nouser_xattr",
            "discard", "nodiscard", "norecovery", "nobarrier", "barrier", "inode64", "largeio", "userxattr",
            "volatile", "nodelalloc", "noload", "data_err", "noquota", "quota", "usrquota", "grpquota",
            "noswap", "copy-symlink", "src-nofollow", "dest-nofollow", "notmpcopyup");

    private static final Set<String> IDMAP_OPTIONS = Set.of("idmap", "ridmap");

    public static final Rule DESTINATION_ABSOLUTE = new Rule("mount.destination.absolute", Level.ERROR,
            "config.md#mounts", "Mount destinations are absolute paths (on Linux before spec 1.2.0; always elsewhere).");
    public static final Rule DESTINATION_RELATIVE = new Rule("mount.destination.relative", Level.WARNING,
            "config.md#mounts", "Linux mount destinations should be absolute; relative ones (taken from /) are"
            + " deprecated, legal from spec 1.2.0.");
    public static final Rule DESTINATION_NESTED = new Rule("mount.destination.nested", Level.ERROR,
            "config.md#mounts", "On Windows no mount destination is nested within another.");
    public static final Rule OPTION_UNKNOWN = new Rule("mount.option.unknown", Level.WARNING,
            "config.md#linux-mount-options", "Linux mount options are ones the spec lists, key=value or well-known"
            + " filesystem-specific flags; anything else is probably a typo (it would reach the filesystem as data).");
    public static final Rule IDMAP_OPTION_MISSING = new Rule("mount.idmap.option-missing", Level.WARNING,
            "config.md#posix-platform-mounts", "A mount with uidMappings/gidMappings has the idmap or ridmap option,"
            + " so older runtimes do not silently ignore the mappings.");
    public static final Rule IDMAP_WITHOUT_MAPPING = new Rule("mount.idmap.no-mapping", Level.ERROR,
            "config.md#linux-mount-options", "An idmap/ridmap mount has mappings of its own or a user namespace to"
            + " borrow them from; otherwise the runtime must fail.");

    @Override
    public List<Rule> rules() {
        return List.of(DESTINATION_ABSOLUTE, DESTINATION_RELATIVE, DESTINATION_NESTED, OPTION_UNKNOWN,
                IDMAP_OPTION_MISSING, IDMAP_WITHOUT_MAPPING);
    }

    @Override
    public void check(CheckContext ctx) {
        Platform platform = ctx.platform();
        boolean userNamespace = Namespaces.has(ctx, "user");
        List<String[]> windowsDestinations = new ArrayList<>();
        for (Nodes.At mount : ctx.root().get("mounts").elements()) {
            Nodes.At destination = mount.get("destination");
            String dest = destination.text();
            if (dest != null) {
                checkDestination(ctx, destination, dest);
                if (platform == Platform.WINDOWS) {
                    windowsDestinations.add(new String[] {dest, destination.pointer()});
                }
            }
            Set<String> options = new HashSet<>(mount.get("options").strings());
            if (platform == Platform.LINUX) {
                for (Nodes.At option : mount.get("options").elements()) {
                    String o = option.text();
                    // x-* options are for userspace tools (mount(8) ignores them).
                    if (o != null && !o.contains("=") && !o.startsWith("x-") && !SPEC_OPTIONS.contains(o)
                            && !KNOWN_EXTRA_OPTIONS.contains(o)) {
                        ctx.report(OPTION_UNKNOWN, option.pointer(), "mount option " + Messages.quote(o)
                                + " is not a generic option" + suggestion(o));
                    }
                }
            }
            boolean mappings = mount.get("uidMappings").present() || mount.get("gidMappings").present();
            boolean idmapOption = options.stream().anyMatch(IDMAP_OPTIONS::contains);
            if (mappings && !idmapOption) {
                ctx.report(IDMAP_OPTION_MISSING, mount.pointer(), "mount has uidMappings/gidMappings but no idmap"
                        + " or ridmap option; a runtime that does not know them would mount without mapping");
            }
            if (idmapOption && !mappings && !userNamespace) {
                ctx.report(IDMAP_WITHOUT_MAPPING, mount.pointer(), "idmap mount without uidMappings/gidMappings"
                        + " in a container without a user namespace: there is no mapping to apply");
            }
        }
        checkNesting(ctx, windowsDestinations);
    }

    private static String suggestion(String option) {
        String s = Spelling.didYouMean(option, SPEC_OPTIONS);
        return s.isEmpty() ? "; if it is filesystem-specific it is passed to the filesystem as data" : s;
    }

    private static void checkDestination(CheckContext ctx, Nodes.At at, String dest) {
        if (Paths.isAbsolute(dest, ctx.platform())) {
            return;
        }
        if (ctx.platform() == Platform.LINUX && !ctx.rulesVersion().before(SpecVersions.RELATIVE_MOUNT_DESTINATIONS)) {
            ctx.report(DESTINATION_RELATIVE, at.pointer(), "destination " + Messages.quote(dest)
                    + " is relative (taken as /" + Messages.clip(dest) + "); relative destinations are deprecated");
        } else {
            String why = ctx.platform() == Platform.LINUX
                    ? " (relative destinations are legal from spec " + SpecVersions.RELATIVE_MOUNT_DESTINATIONS
                    + "; this config declares " + ctx.declaredVersion().map(Object::toString).orElse("?") + ")"
                    : "";
            ctx.report(DESTINATION_ABSOLUTE, at.pointer(), "destination " + Messages.quote(dest)
                    + " is not an absolute path" + why);
        }
    }

    /** Windows: c:\foo and c:\foo\bar may not both be destinations. */
    private static void checkNesting(CheckContext ctx, List<String[]> destinations) {
        for (String[] inner : destinations) {
            for (String[] outer : destinations) {
                if (inner == outer) {
                    continue;
                }
                String o = normalizeWindows(outer[0]);
                String i = normalizeWindows(inner[0]);
                if (i.startsWith(o + "\\") && !o.isEmpty()) {
                    ctx.report(DESTINATION_NESTED, inner[1], "destination " + Messages.quote(inner[0])
                            + " is nested within " + Messages.quote(outer[0]) + " (" + outer[1] + ")");
                }
            }
        }
    }

    private static String normalizeWindows(String path) {
        String p = path.replace('/', '\\').toLowerCase(Locale.ROOT);
        while (p.endsWith("\\")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
