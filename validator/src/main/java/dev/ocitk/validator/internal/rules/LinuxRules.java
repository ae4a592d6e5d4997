package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rest of the Linux section (config-linux.md): device nodes, masked and read-only paths, Intel RDT, memory
 * policy, personality, network device names. Namespaces, cgroups and seccomp have rule sets of their own.
 */
public final class LinuxRules implements RuleSet {

    private static final Set<String> POLICIES_WITHOUT_NODES = Set.of("MPOL_DEFAULT", "MPOL_LOCAL");
    private static final Set<String> POLICIES_WITH_NODES = Set.of("MPOL_BIND", "MPOL_INTERLEAVE",
            "MPOL_WEIGHTED_INTERLEAVE", "MPOL_PREFERRED_MANY");
    // An interface name the kernel accepts: 1 to 15 bytes, no '/', ':' or whitespace, not "." or "..".
    private static final Pattern INTERFACE_NAME = Pattern.compile("[^/:\\s]{1,15}");

    public static final Rule MASKED_PATH_ABSOLUTE = new Rule("linux.maskedPaths.absolute", Level.ERROR,
            "config-linux.md#masked-paths", "maskedPaths entries are absolute paths.");
    public static final Rule READONLY_PATH_ABSOLUTE = new Rule("linux.readonlyPaths.absolute", Level.ERROR,
            "config-linux.md#readonly-paths", "readonlyPaths entries are absolute paths.");
    public static final Rule DEVICE_PATH_ABSOLUTE = new Rule("linux.devices.path.absolute", Level.ERROR,
            "config-linux.md#devices", "Device paths are full (absolute) paths inside the container.");
    public static final Rule DEVICE_DUPLICATE_PATH = new Rule("linux.devices.duplicate-path", Level.ERROR,
            "config-linux.md#devices", "No two different devices have the same path (the runtime must fail on a"
            + " file at the path that does not match the device).");
    public static final Rule DEVICE_DUPLICATE_NUMBER = new Rule("linux.devices.duplicate-number", Level.WARNING,
            "config-linux.md#devices", "No two devices share type, major and minor.");
    public static final Rule L3_CACHE_SCHEMA = new Rule("linux.intelRdt.l3CacheSchema", Level.WARNING,
            "config-linux.md#intelrdt", "l3CacheSchema starts with L3: and has no newline.");
    public static final Rule MEMORY_POLICY_NODES = new Rule("linux.memoryPolicy.nodes", Level.ERROR,
            "config-linux.md#memory-policy", "memoryPolicy.nodes fits the mode: none for MPOL_DEFAULT and MPOL_LOCAL,"
            + " at least one for MPOL_BIND, MPOL_INTERLEAVE, MPOL_WEIGHTED_INTERLEAVE and MPOL_PREFERRED_MANY.");
    public static final Rule NODE_LIST_FORMAT = new Rule("linux.memoryPolicy.nodes.format", Level.ERROR,
            "config-linux.md#memory-policy", "memoryPolicy.nodes is a node list such as 0-3,7.");
    public static final Rule PERSONALITY_FLAGS = new Rule("linux.personality.flags", Level.WARNING,
            "config-linux.md#personality", "personality.flags is empty: the spec supports no flag values yet.");
    public static final Rule NET_DEVICE_NAME = new Rule("linux.netDevices.name", Level.WARNING,
            "config-linux.md#network-devices", "Network device names (keys and name) are valid Linux interface"
            + " names: 1 to 15 characters without '/', ':' or whitespace.");

    @Override
    public List<Rule> rules() {
        return List.of(MASKED_PATH_ABSOLUTE, READONLY_PATH_ABSOLUTE, DEVICE_PATH_ABSOLUTE, DEVICE_DUPLICATE_PATH,
                DEVICE_DUPLICATE_NUMBER, L3_CACHE_SCHEMA, MEMORY_POLICY_NODES, NODE_LIST_FORMAT, PERSONALITY_FLAGS,
                NET_DEVICE_NAME);
    }

    @Override
    public void check(CheckContext ctx) {
        Nodes.At linux = ctx.root().get("linux");
        if (!linux.isObject()) {
            return;
        }
        absolutePaths(ctx, linux.get("maskedPaths"), MASKED_PATH_ABSOLUTE, "masked path");
        absolutePaths(ctx, linux.get("readonlyPaths"), READONLY_PATH_ABSOLUTE, "read-only path");
        checkDevices(ctx, linux.get("devices"));
        Nodes.At l3 = linux.get("intelRdt").get("l3CacheSchema");
        if (l3.text() != null && (!l3.text().startsWith("L3:") || l3.text().contains("\n"))) {
            ctx.report(L3_CACHE_SCHEMA, l3.pointer(), "l3CacheSchema " + Messages.quote(l3.text())
                    + (l3.text().contains("\n") ? " contains a newline" : " does not start with L3:"));
        }
        checkMemoryPolicy(ctx, linux.get("memoryPolicy"));
        Nodes.At flags = linux.get("personality").get("flags");
        if (!flags.elements().isEmpty()) {
            ctx.report(PERSONALITY_FLAGS, flags.pointer(), "personality flags are set but the spec supports none yet");
        }
        for (Nodes.Member device : linux.get("netDevices").members()) {
            if (!validInterfaceName(device.name())) {
                ctx.report(NET_DEVICE_NAME, device.value().pointer(), "host interface name "
                        + Messages.quote(device.name()) + " is not a valid Linux interface name");
            }
            String inside = device.value().get("name").text();
            if (inside != null && !inside.isEmpty() && !validInterfaceName(inside)) {
                ctx.report(NET_DEVICE_NAME, device.value().get("name").pointer(), "interface name "
                        + Messages.quote(inside) + " is not a valid Linux interface name");
            }
        }
    }

    private static boolean validInterfaceName(String name) {
        return INTERFACE_NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }

    private static void absolutePaths(CheckContext ctx, Nodes.At paths, Rule rule, String what) {
        for (Nodes.At p : paths.elements()) {
            if (p.text() != null && !p.text().startsWith("/")) {
                ctx.report(rule, p.pointer(), what + " " + Messages.quote(p.text()) + " is not absolute");
            }
        }
    }

    private static void checkDevices(CheckContext ctx, Nodes.At devices) {
        Map<String, String> paths = new HashMap<>();
        Map<String, String> devicesAtPath = new HashMap<>();
        Map<String, String> numbers = new HashMap<>();
        for (Nodes.At device : devices.elements()) {
            String path = device.get("path").text();
            if (path != null) {
                if (!path.startsWith("/")) {
                    ctx.report(DEVICE_PATH_ABSOLUTE, device.get("path").pointer(), "device path "
                            + Messages.quote(path) + " is not absolute");
                }
                String identity = device.get("type").text() + " " + device.get("major").longValue() + ":"
                        + device.get("minor").longValue();
                String first = paths.putIfAbsent(normalize(path), device.pointer());
                String firstIdentity = devicesAtPath.putIfAbsent(normalize(path), identity);
                if (first != null && !identity.equals(firstIdentity)) {
                    ctx.report(DEVICE_DUPLICATE_PATH, device.get("path").pointer(), "device path "
                            + Messages.quote(path) + " is used again for a different device (first at " + first + ")");
                }
            }
            String type = device.get("type").text();
            Long major = device.get("major").longValue();
            Long minor = device.get("minor").longValue();
            if (type != null && !type.equals("p") && major != null && minor != null) {
                String key = Messages.clip(type) + " " + major + ":" + minor;
                String first = numbers.putIfAbsent(key, device.pointer());
                if (first != null) {
                    ctx.report(DEVICE_DUPLICATE_NUMBER, device.pointer(), "device " + key
                            + " is created again (first at " + first + ")");
                }
            }
        }
    }

    /** /dev//x and /dev/x/ name the same file. */
    private static String normalize(String path) {
        String p = path.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static void checkMemoryPolicy(CheckContext ctx, Nodes.At policy) {
        String mode = policy.get("mode").text();
        Nodes.At nodes = policy.get("nodes");
        String list = nodes.text();
        if (list != null) {
            String problem = Paths.cpuListProblem(list);
            if (problem != null) {
                ctx.report(NODE_LIST_FORMAT, nodes.pointer(), "nodes " + Messages.quote(list) + " " + problem);
                return;
            }
        }
        boolean hasNodes = list != null && !list.isEmpty();
        if (mode != null && POLICIES_WITHOUT_NODES.contains(mode) && hasNodes) {
            ctx.report(MEMORY_POLICY_NODES, nodes.pointer(), mode + " takes no nodes, but nodes is " + Messages.quote(list));
        } else if (mode != null && POLICIES_WITH_NODES.contains(mode) && !hasNodes) {
            ctx.report(MEMORY_POLICY_NODES, policy.pointer(), mode + " needs at least one node in nodes");
        }
    }
}
