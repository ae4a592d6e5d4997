package dev.ocitk.validator.internal.schema;

import dev.ocitk.validator.internal.DocumentKind;
import dev.ocitk.validator.internal.json.Pointers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The spec section (file and GitHub heading anchor) that defines the field a JSON pointer names, so a schema
 * finding can say where to read up. The most specific pattern wins; {@code *} matches one array index or map key.
 */
public final class SpecSections {

    private record Entry(List<String> pattern, String specRef) {
    }

    private static final Map<DocumentKind, List<Entry>> TABLES = Map.of(
            DocumentKind.CONFIG, table(
                    "/ociVersion", "config.md#specification-version",
                    "/root", "config.md#root",
                    "/mounts", "config.md#mounts",
                    "/mounts/*/options", "config.md#linux-mount-options",
                    "/mounts/*/type", "config.md#posix-platform-mounts",
                    "/mounts/*/uidMappings", "config.md#posix-platform-mounts",
                    "/mounts/*/gidMappings", "config.md#posix-platform-mounts",
                    "/process", "config.md#process",
                    "/process/rlimits", "config.md#posix-process",
                    "/process/apparmorProfile", "config.md#linux-process",
                    "/process/capabilities", "config.md#linux-process",
                    "/process/noNewPrivileges", "config.md#linux-process",
                    "/process/oomScoreAdj", "config.md#linux-process",
                    "/process/scheduler", "config.md#linux-process",
                    "/process/selinuxLabel", "config.md#linux-process",
                    "/process/ioPriority", "config.md#linux-process",
                    "/process/execCPUAffinity", "config.md#linux-process",
                    "/process/user", "config.md#user",
                    "/hostname", "config.md#hostname",
                    "/domainname", "config.md#domainname",
                    "/hooks", "config.md#posix-platform-hooks",
                    "/hooks/prestart", "config.md#prestart",
                    "/hooks/createRuntime", "config.md#createruntime-hooks",
                    "/hooks/createContainer", "config.md#createcontainer-hooks",
                    "/hooks/startContainer", "config.md#startcontainer-hooks",
                    "/hooks/poststart", "config.md#poststart",
                    "/hooks/poststop", "config.md#poststop",
                    "/annotations", "config.md#annotations",
                    "/linux", "config-linux.md#linux-container-configuration",
                    "/linux/namespaces", "config-linux.md#namespaces",
                    "/linux/uidMappings", "config-linux.md#user-namespace-mappings",
                    "/linux/gidMappings", "config-linux.md#user-namespace-mappings",
                    "/linux/timeOffsets", "config-linux.md#offset-for-time-namespace",
                    "/linux/devices", "config-linux.md#devices",
                    "/linux/netDevices", "config-linux.md#network-devices",
                    "/linux/cgroupsPath", "config-linux.md#cgroups-path",
                    "/linux/resources", "config-linux.md#control-groups",
                    "/linux/resources/devices", "config-linux.md#allowed-device-list",
                    "/linux/resources/memory", "config-linux.md#memory",
                    "/linux/resources/cpu", "config-linux.md#cpu",
                    "/linux/resources/blockIO", "config-linux.md#block-io",
                    "/linux/resources/hugepageLimits", "config-linux.md#huge-page-limits",
                    "/linux/resources/network", "config-linux.md#network",
                    "/linux/resources/pids", "config-linux.md#pids",
                    "/linux/resources/rdma", "config-linux.md#rdma",
                    "/linux/resources/unified", "config-linux.md#unified",
                    "/linux/intelRdt", "config-linux.md#intelrdt",
                    "/linux/memoryPolicy", "config-linux.md#memory-policy",
                    "/linux/sysctl", "config-linux.md#sysctl",
                    "/linux/seccomp", "config-linux.md#seccomp",
                    "/linux/rootfsPropagation", "config-linux.md#rootfs-mount-propagation",
                    "/linux/maskedPaths", "config-linux.md#masked-paths",
                    "/linux/readonlyPaths", "config-linux.md#readonly-paths",
                    "/linux/mountLabel", "config-linux.md#mount-label",
                    "/linux/personality", "config-linux.md#personality",
                    "/windows", "config-windows.md#windows-specific-container-configuration",
                    "/windows/layerFolders", "config-windows.md#layerfolders",
                    "/windows/devices", "config-windows.md#devices",
                    "/windows/resources", "config-windows.md#resources",
                    "/windows/resources/memory", "config-windows.md#memory",
                    "/windows/resources/cpu", "config-windows.md#cpu",
                    "/windows/resources/storage", "config-windows.md#storage",
                    "/windows/network", "config-windows.md#network",
                    "/windows/credentialSpec", "config-windows.md#credential-spec",
                    "/windows/servicing", "config-windows.md#servicing",
                    "/windows/ignoreFlushesDuringBoot", "config-windows.md#ignoreflushesduringboot",
                    "/windows/hyperv", "config-windows.md#hyperv",
                    "/vm", "config-vm.md#virtual-machine-specific-container-configuration",
                    "/vm/hypervisor", "config-vm.md#hypervisor-object",
                    "/vm/kernel", "config-vm.md#kernel-object",
                    "/vm/image", "config-vm.md#image-object",
                    "/vm/hwConfig", "config-vm.md#hwconfig-object",
                    "/zos", "config-zos.md#zos-container-configuration",
                    "/zos/namespaces", "config-zos.md#namespaces",
                    "/freebsd", "config-freebsd.md#freebsd-container-configuration",
                    "/freebsd/devices", "config-freebsd.md#devices",
                    "/freebsd/jail", "config-freebsd.md#jail",
                    "/solaris", "config-solaris.md#solaris-application-container-configuration",
                    "/solaris/milestone", "config-solaris.md#milestone",
                    "/solaris/limitpriv", "config-solaris.md#limitpriv",
                    "/solaris/maxShmMemory", "config-solaris.md#maxshmmemory",
                    "/solaris/cappedCPU", "config-solaris.md#cappedcpu",
                    "/solaris/cappedMemory", "config-solaris.md#cappedmemory",
                    "/solaris/anet", "config-solaris.md#automatic-network-anet"),
            DocumentKind.STATE, table(),
            DocumentKind.FEATURES, table(
                    "/ociVersionMin", "features.md#specification-version",
                    "/ociVersionMax", "features.md#specification-version",
                    "/hooks", "features.md#hooks",
                    "/mountOptions", "features.md#mount-options",
                    "/annotations", "features.md#annotations",
                    "/potentiallyUnsafeConfigAnnotations", "features.md#unsafe-annotations-in-configjson",
                    "/linux", "features-linux.md#linux-features-structure",
                    "/linux/namespaces", "features-linux.md#namespaces",
                    "/linux/capabilities", "features-linux.md#capabilities",
                    "/linux/cgroup", "features-linux.md#cgroup",
                    "/linux/seccomp", "features-linux.md#seccomp",
                    "/linux/apparmor", "features-linux.md#apparmor",
                    "/linux/selinux", "features-linux.md#selinux",
                    "/linux/memoryPolicy", "features-linux.md#memorypolicy",
                    "/linux/intelRdt", "features-linux.md#intel-rdt",
                    "/linux/mountExtensions", "features-linux.md#mountextensions",
                    "/linux/netDevices", "features-linux.md#netdevices"));

    private SpecSections() {
    }

    /** The section defining the field at {@code pointer} in a document of {@code kind}. */
    public static String forPointer(DocumentKind kind, String pointer) {
        List<String> tokens = Pointers.tokens(pointer);
        String best = kind.specRef();
        int bestLength = 0;
        for (Entry entry : TABLES.get(kind)) {
            if (entry.pattern.size() > bestLength && entry.pattern.size() <= tokens.size()
                    && matches(entry.pattern, tokens)) {
                best = entry.specRef;
                bestLength = entry.pattern.size();
            }
        }
        return best;
    }

    /** Every section the tables name (for the test that checks anchors against the spec's headings). */
    public static List<String> allSpecRefs() {
        List<String> refs = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            refs.add(kind.specRef());
            TABLES.get(kind).forEach(e -> refs.add(e.specRef));
        }
        return refs;
    }

    private static boolean matches(List<String> pattern, List<String> tokens) {
        for (int i = 0; i < pattern.size(); i++) {
            if (!pattern.get(i).equals("*") && !pattern.get(i).equals(tokens.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<Entry> table(String... pairs) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entries.add(new Entry(Pointers.tokens(pairs[i]), pairs[i + 1]));
        }
        return List.copyOf(entries);
    }
}
