package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Linux namespaces (config-linux.md#namespaces) and the settings that only make sense inside one: a config that
 * sets them without the namespace would change the host's (runc and crun refuse such configs).
 */
public final class NamespaceRules implements RuleSet {

    /** IPC-namespaced sysctls outside fs.mqueue (ipc_namespaces(7)). */
    private static final Set<String> IPC_SYSCTLS = Set.of("kernel.msgmax", "kernel.msgmnb", "kernel.msgmni",
            "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced",
            "kernel.msg_next_id", "kernel.sem_next_id", "kernel.shm_next_id");
    private static final Set<String> UTS_SYSCTLS = Set.of("kernel.hostname", "kernel.domainname");

    public static final Rule DUPLICATE = new Rule("linux.namespaces.duplicate", Level.ERROR,
            "config-linux.md#namespaces", "Each namespace type appears once; runtimes must refuse duplicates.");
    public static final Rule PATH_ABSOLUTE = new Rule("linux.namespaces.path.absolute", Level.ERROR,
            "config-linux.md#namespaces", "A namespace path is an absolute path.");
    public static final Rule MAPPINGS_WITHOUT_USERNS = new Rule("linux.idmappings.user-namespace", Level.WARNING,
            "config-linux.md#user-namespace-mappings", "uidMappings and gidMappings come with a user namespace;"
            + " without one there is nothing to map.");
    public static final Rule HOSTNAME_WITHOUT_UTS = new Rule("linux.hostname.uts-namespace", Level.WARNING,
            "config.md#hostname", "hostname and domainname come with a uts namespace; without one they would"
            + " rename the host.");
    public static final Rule SYSCTL_NAMESPACE = new Rule("linux.sysctl.namespace", Level.WARNING,
            "config-linux.md#sysctl", "Namespaced sysctls come with their namespace (net.* with network, fs.mqueue.*"
            + " and kernel IPC limits with ipc, kernel.hostname with uts, user.* with user).");
    public static final Rule SYSCTL_NOT_NAMESPACED = new Rule("linux.sysctl.not-namespaced", Level.WARNING,
            "config-linux.md#sysctl", "Sysctls no namespace isolates would change the whole host; runc refuses them.");
    public static final Rule TIME_OFFSETS_WITHOUT_TIMENS = new Rule("linux.timeOffsets.time-namespace", Level.WARNING,
            "config-linux.md#offset-for-time-namespace", "timeOffsets come with a time namespace.");
    public static final Rule NET_DEVICES_WITHOUT_NETNS = new Rule("linux.netDevices.network-namespace", Level.WARNING,
            "config-linux.md#network-devices", "netDevices come with a network namespace to move the devices into.");

    @Override
    public List<Rule> rules() {
        return List.of(DUPLICATE, PATH_ABSOLUTE, MAPPINGS_WITHOUT_USERNS, HOSTNAME_WITHOUT_UTS, SYSCTL_NAMESPACE,
                SYSCTL_NOT_NAMESPACED, TIME_OFFSETS_WITHOUT_TIMENS, NET_DEVICES_WITHOUT_NETNS);
    }

    @Override
    public void check(CheckContext ctx) {
        if (ctx.platform() != Platform.LINUX) {
            return;
        }
        Nodes.At linux = ctx.root().get("linux");
        Map<String, String> seen = new HashMap<>();
        for (Nodes.At ns : linux.get("namespaces").elements()) {
            String type = ns.get("type").text();
            if (type != null) {
                String first = seen.putIfAbsent(type, ns.pointer());
                if (first != null) {
                    ctx.report(DUPLICATE, ns.get("type").pointer(), "namespace " + Messages.clip(type)
                            + " is listed again (first at " + first + ")");
                }
            }
            String path = ns.get("path").text();
            if (path != null && !path.startsWith("/")) {
                ctx.report(PATH_ABSOLUTE, ns.get("path").pointer(), "namespace path " + Messages.quote(path)
                        + " is not absolute");
            }
        }
        for (String field : List.of("uidMappings", "gidMappings")) {
            Nodes.At mappings = linux.get(field);
            if (!mappings.elements().isEmpty() && !Namespaces.has(ctx, "user")) {
                ctx.report(MAPPINGS_WITHOUT_USERNS, mappings.pointer(), field + " is set but there is no user namespace");
            }
        }
        for (String field : List.of("hostname", "domainname")) {
            Nodes.At name = ctx.root().get(field);
            if (name.text() != null && !name.text().isEmpty() && !Namespaces.has(ctx, "uts")) {
                ctx.report(HOSTNAME_WITHOUT_UTS, name.pointer(), field + " is set but there is no uts namespace,"
                        + " so it would be the host's " + field);
            }
        }
        for (Nodes.Member sysctl : linux.get("sysctl").members()) {
            checkSysctl(ctx, sysctl);
        }
        if (!linux.get("timeOffsets").members().isEmpty() && !Namespaces.has(ctx, "time")) {
            ctx.report(TIME_OFFSETS_WITHOUT_TIMENS, linux.get("timeOffsets").pointer(),
                    "timeOffsets are set but there is no time namespace to apply them to");
        }
        if (!linux.get("netDevices").members().isEmpty() && !Namespaces.has(ctx, "network")) {
            ctx.report(NET_DEVICES_WITHOUT_NETNS, linux.get("netDevices").pointer(),
                    "netDevices are set but there is no network namespace to move them into");
        }
    }

    private static void checkSysctl(CheckContext ctx, Nodes.Member sysctl) {
        String key = sysctl.name().replace('/', '.');
        String needed;
        if (key.startsWith("net.")) {
            needed = "network";
        } else if (key.startsWith("fs.mqueue.") || IPC_SYSCTLS.contains(key)) {
            needed = "ipc";
        } else if (UTS_SYSCTLS.contains(key)) {
            needed = "uts";
        } else if (key.startsWith("user.")) {
            needed = "user";
        } else if (key.equals("kernel.ns_last_pid")) {
            needed = "pid";
        } else {
            ctx.report(SYSCTL_NOT_NAMESPACED, sysctl.value().pointer(), "sysctl " + Messages.quote(sysctl.name())
                    + " is not isolated by any namespace: setting it changes the host");
            return;
        }
        if (!Namespaces.has(ctx, needed)) {
            ctx.report(SYSCTL_NAMESPACE, sysctl.value().pointer(), "sysctl " + Messages.quote(sysctl.name())
                    + " needs a " + needed + " namespace, and there is none: it would change the host's value");
        }
    }
}
