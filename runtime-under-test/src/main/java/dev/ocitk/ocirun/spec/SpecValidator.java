package dev.ocitk.ocirun.spec;

import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.linux.Capability;
import dev.ocitk.ocirun.linux.MountOptions;
import dev.ocitk.ocirun.linux.NamespaceType;
import dev.ocitk.ocirun.linux.Rlimit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ocitk.ocirun.spec.Nulls.list;
import static dev.ocitk.ocirun.spec.Nulls.map;

/**
 * The checks create makes before any side effect: values the spec says a runtime MUST reject, and
 * settings ocirun cannot apply (config.md#valid-values requires an error for those too). It does not
 * touch the file system beyond nothing; checks that need the bundle on disk live in the create step.
 *
 * <p>Warnings (config.md#capabilities: unknown capabilities are logged, not fatal) are returned.
 */
public final class SpecValidator {
    private static final Set<String> PROPAGATIONS = Set.of(
            "shared", "slave", "private", "unbindable", "rshared", "rslave", "rprivate", "runbindable");

    private SpecValidator() {}

    /** Validates {@code spec}; throws on the first error, returns the warnings. */
    public static List<String> validate(Spec spec) {
        List<String> warnings = new ArrayList<>();
        version(spec.ociVersion());
        if (spec.root() == null || spec.root().path() == null || spec.root().path().isEmpty()) {
            throw error("root.path is required on Linux (config.md#root)");
        }
        Set<NamespaceType> namespaces = namespaces(spec.linux());
        if (spec.process() != null) {
            process(spec.process(), warnings);
        }
        for (int i = 0; i < list(spec.mounts()).size(); i++) {
            mount(i, spec.mounts().get(i));
        }
        hooks(spec.hooks());
        if (spec.hostname() != null && !spec.hostname().isEmpty() && !namespaces.contains(NamespaceType.UTS)) {
            throw error("hostname needs a uts namespace in linux.namespaces (config.md#hostname)");
        }
        if (spec.domainname() != null && !spec.domainname().isEmpty() && !namespaces.contains(NamespaceType.UTS)) {
            throw error("domainname needs a uts namespace in linux.namespaces (config.md#domainname)");
        }
        if (spec.linux() != null) {
            linux(spec.linux(), namespaces);
        }
        return warnings;
    }

    static void version(String v) {
        if (v == null || v.isEmpty()) {
            throw error("ociVersion is required (config.md#specification-version)");
        }
        String major = semverMajor(v);
        if (major == null) {
            throw error("ociVersion \"" + v + "\" is not SemVer 2.0.0");
        }
        if (!"1".equals(major)) {
            throw error("ociVersion " + v + " is not supported: ocirun implements spec 1.x (1.0.0 to 1.3.0)");
        }
    }

    /**
     * The major version if {@code v} is MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] as this runtime reads
     * SemVer (numbers without leading zeros; identifiers of [0-9A-Za-z.-]), else null. By hand rather
     * than a regex: create runs this interpreted and compiling the pattern cost it a few ms.
     */
    static String semverMajor(String v) {
        int i = 0;
        String major = null;
        for (int part = 0; part < 3; part++) {
            int start = i;
            while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
            }
            if (i == start || (i - start > 1 && v.charAt(start) == '0')) {
                return null;
            }
            if (part == 0) {
                major = v.substring(start, i);
            }
            if (part < 2) {
                if (i >= v.length() || v.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        for (char marker : new char[] {'-', '+'}) {
            if (i < v.length() && v.charAt(i) == marker) {
                int start = ++i;
                while (i < v.length() && (Character.isLetterOrDigit(v.charAt(i)) && v.charAt(i) < 128
                        || v.charAt(i) == '.' || v.charAt(i) == '-')) {
                    i++;
                }
                if (i == start) {
                    return null;
                }
            }
        }
        return i == v.length() ? major : null;
    }

    /** Whether every character of {@code s} is one of {@code allowed}. */
    private static boolean onlyChars(String s, String allowed) {
        for (int i = 0; i < s.length(); i++) {
            if (allowed.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Set<NamespaceType> namespaces(LinuxSpec linux) {
        Set<NamespaceType> seen = EnumSet.noneOf(NamespaceType.class);
        if (linux == null) {
            return seen;
        }
        for (LinuxSpec.Namespace ns : list(linux.namespaces())) {
            // No orElseThrow(() -> ...): create runs this interpreted, and a lambda costs its bootstrap.
            java.util.Optional<NamespaceType> parsed = NamespaceType.parse(ns.type());
            if (parsed.isEmpty()) {
                throw error("unknown namespace type \"" + ns.type() + "\" in linux.namespaces");
            }
            NamespaceType t = parsed.get();
            if (!seen.add(t)) {
                throw error("namespace type \"" + ns.type() + "\" appears twice in linux.namespaces "
                        + "(config-linux.md#namespaces)");
            }
            if (t == NamespaceType.USER) {
                throw error("user namespaces are not supported by ocirun: a JVM is multithreaded and the kernel "
                        + "only lets a single-threaded process enter or create one");
            }
            if (ns.path() != null && !ns.path().startsWith("/")) {
                throw error("linux.namespaces " + ns.type() + " path must be absolute, got \"" + ns.path() + "\"");
            }
        }
        if (!list(linux.uidMappings()).isEmpty() || !list(linux.gidMappings()).isEmpty()) {
            throw error("linux.uidMappings/gidMappings need a user namespace, which ocirun does not support");
        }
        return seen;
    }

    private static void process(Spec.Process p, List<String> warnings) {
        if (list(p.args()).isEmpty()) {
            throw error("process.args must have at least one entry (config.md#process)");
        }
        if (p.cwd() == null || !p.cwd().startsWith("/")) {
            throw error("process.cwd must be an absolute path, got \"" + p.cwd() + "\" (config.md#process)");
        }
        for (String e : list(p.env())) {
            if (e == null || e.indexOf('=') <= 0) {
                throw error("process.env entry \"" + e + "\" is not NAME=value");
            }
        }
        Set<Rlimit> seen = EnumSet.noneOf(Rlimit.class);
        for (Spec.Rlimit r : list(p.rlimits())) {
            java.util.Optional<Rlimit> parsed = Rlimit.parse(r.type());
            if (parsed.isEmpty()) {
                throw error("rlimit type \"" + r.type() + "\" does not map to a Linux resource (config.md#posix-process)");
            }
            Rlimit type = parsed.get();
            if (!seen.add(type)) {
                throw error("rlimit " + r.type() + " appears twice in process.rlimits (config.md#posix-process)");
            }
            if (Long.compareUnsigned(r.soft(), r.hard()) > 0) {
                throw error("rlimit " + r.type() + ": soft limit " + Long.toUnsignedString(r.soft())
                        + " is above hard limit " + Long.toUnsignedString(r.hard()));
            }
        }
        if (p.capabilities() != null) {
            Spec.Capabilities c = p.capabilities();
            for (List<String> set : List.of(list(c.bounding()), list(c.effective()), list(c.inheritable()),
                    list(c.permitted()), list(c.ambient()))) {
                for (String name : set) {
                    if (Capability.parse(name).isEmpty()) {
                        warnings.add("unknown capability \"" + name + "\" ignored (config.md#linux-process)");
                    }
                }
            }
        }
        if (p.apparmorProfile() != null && !p.apparmorProfile().isEmpty()) {
            throw error("process.apparmorProfile is set but ocirun does not support AppArmor");
        }
        if (p.selinuxLabel() != null && !p.selinuxLabel().isEmpty()) {
            throw error("process.selinuxLabel is set but ocirun does not support SELinux");
        }
        if (p.ioPriority() != null) {
            Set<String> classes = Set.of("IOPRIO_CLASS_RT", "IOPRIO_CLASS_BE", "IOPRIO_CLASS_IDLE");
            if (!classes.contains(p.ioPriority().ioClass())) {
                throw error("process.ioPriority.class \"" + p.ioPriority().ioClass() + "\" is not one of " + classes);
            }
            if (p.ioPriority().priority() < 0 || p.ioPriority().priority() > 7) {
                throw error("process.ioPriority.priority must be 0..7, got " + p.ioPriority().priority());
            }
        }
        if (p.scheduler() != null) {
            throw error("process.scheduler is not supported by ocirun");
        }
        if (p.user() != null && p.user().umask() != null && p.user().umask() > 0777) {
            throw error("process.user.umask " + p.user().umask() + " is not a valid mode (0 to 0777)");
        }
    }

    private static void mount(int i, Spec.Mount m) {
        String where = "mounts[" + i + "]";
        if (m.destination() == null || m.destination().isEmpty()) {
            throw error(where + ".destination is required (config.md#mounts)");
        }
        for (String o : list(m.options())) {
            if (MountOptions.isIdmap(o)) {
                throw error(where + " (" + m.destination() + "): option " + o
                        + " needs ID-mapped mounts, which ocirun does not support (no user namespaces)");
            }
        }
        if (!list(m.uidMappings()).isEmpty() || !list(m.gidMappings()).isEmpty()) {
            throw error(where + " (" + m.destination() + "): uidMappings/gidMappings are not supported by ocirun");
        }
    }

    private static void hooks(Spec.Hooks hooks) {
        if (hooks == null) {
            return;
        }
        Map<String, List<Spec.Hook>> all = new java.util.LinkedHashMap<>();
        all.put("prestart", list(hooks.prestart()));
        all.put("createRuntime", list(hooks.createRuntime()));
        all.put("createContainer", list(hooks.createContainer()));
        all.put("startContainer", list(hooks.startContainer()));
        all.put("poststart", list(hooks.poststart()));
        all.put("poststop", list(hooks.poststop()));
        for (Map.Entry<String, List<Spec.Hook>> e : all.entrySet()) {
            String kind = e.getKey();
            List<Spec.Hook> entries = e.getValue();
            for (int i = 0; i < entries.size(); i++) {
                Spec.Hook h = entries.get(i);
                String where = "hooks." + kind + "[" + i + "]";
                if (h.path() == null || !h.path().startsWith("/")) {
                    throw error(where + ".path must be absolute, got \"" + h.path() + "\" (config.md#posix-platform-hooks)");
                }
                if (h.timeout() != null && h.timeout() <= 0) {
                    throw error(where + ".timeout must be greater than zero, got " + h.timeout());
                }
            }
        }
    }

    private static void linux(LinuxSpec linux, Set<NamespaceType> namespaces) {
        if (linux.rootfsPropagation() != null && !linux.rootfsPropagation().isEmpty()
                && !PROPAGATIONS.contains(linux.rootfsPropagation())) {
            throw error("linux.rootfsPropagation \"" + linux.rootfsPropagation() + "\" is not one of "
                    + "shared, slave, private, unbindable");
        }
        Set<String> devicePaths = new HashSet<>();
        for (LinuxSpec.Device d : list(linux.devices())) {
            if (d.path() == null || !d.path().startsWith("/")) {
                throw error("linux.devices path must be absolute, got \"" + d.path() + "\"");
            }
            if (d.type() == null || !Set.of("c", "b", "u", "p").contains(d.type())) {
                throw error("linux.devices " + d.path() + ": type must be c, b, u or p, got \"" + d.type() + "\"");
            }
            if (!"p".equals(d.type()) && (d.major() == null || d.minor() == null)) {
                throw error("linux.devices " + d.path() + ": major and minor are required for type " + d.type());
            }
            if (!devicePaths.add(d.path())) {
                throw error("linux.devices lists " + d.path() + " twice");
            }
        }
        for (String p : list(linux.maskedPaths())) {
            if (p == null || !p.startsWith("/")) {
                throw error("linux.maskedPaths entry \"" + p + "\" must be absolute (config-linux.md#masked-paths)");
            }
        }
        for (String p : list(linux.readonlyPaths())) {
            if (p == null || !p.startsWith("/")) {
                throw error("linux.readonlyPaths entry \"" + p + "\" must be absolute (config-linux.md#readonly-paths)");
            }
        }
        for (String key : map(linux.sysctl()).keySet()) {
            Sysctls.checkNamespaced(key, namespaces);
        }
        if (!map(linux.timeOffsets()).isEmpty() && !namespaces.contains(NamespaceType.TIME)) {
            throw error("linux.timeOffsets needs a time namespace in linux.namespaces");
        }
        if (!map(linux.netDevices()).isEmpty()) {
            throw error("linux.netDevices is not supported by ocirun");
        }
        if (linux.intelRdt() != null) {
            throw error("linux.intelRdt is not supported by ocirun");
        }
        if (linux.mountLabel() != null && !linux.mountLabel().isEmpty()) {
            throw error("linux.mountLabel is set but ocirun does not support SELinux");
        }
        if (linux.memoryPolicy() != null) {
            throw error("linux.memoryPolicy is not supported by ocirun");
        }
        if (linux.personality() != null) {
            String d = linux.personality().domain();
            if (!"LINUX".equals(d) && !"LINUX32".equals(d)) {
                throw error("linux.personality.domain must be LINUX or LINUX32, got \"" + d + "\"");
            }
            if (!list(linux.personality().flags()).isEmpty()) {
                throw error("linux.personality.flags: no flags are supported (config-linux.md#personality)");
            }
        }
        if (linux.seccomp() != null) {
            dev.ocitk.ocirun.linux.Seccomp.validate(linux.seccomp());
        }
        if (linux.resources() != null) {
            for (LinuxSpec.DeviceRule r : list(linux.resources().devices())) {
                if (r.type() != null && !Set.of("a", "b", "c").contains(r.type())) {
                    throw error("linux.resources.devices type must be a, b or c, got \"" + r.type() + "\"");
                }
                if (r.access() != null && !onlyChars(r.access(), "rwm")) {
                    throw error("linux.resources.devices access must combine r, w and m, got \"" + r.access() + "\"");
                }
            }
            for (String key : map(linux.resources().unified()).keySet()) {
                if (key.isEmpty() || key.contains("/") || key.startsWith(".")) {
                    throw error("linux.resources.unified key \"" + key + "\" is not a cgroup file name");
                }
            }
        }
    }

    private static OcirunException error(String message) {
        return new OcirunException(message);
    }
}
