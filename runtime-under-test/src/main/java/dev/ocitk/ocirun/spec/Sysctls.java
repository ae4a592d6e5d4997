package dev.ocitk.ocirun.spec;

import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.linux.NamespaceType;

import java.util.Set;

/**
 * Which sysctls a container may set. A sysctl outside the container's own namespaces would change
 * the host, so only the namespaced ones are allowed, each with the namespace it belongs to (the
 * same rule runc applies): IPC sysctls need an ipc namespace, net.* a network namespace, and
 * kernel.hostname/domainname a uts namespace.
 */
public final class Sysctls {
    private static final Set<String> IPC = Set.of(
            "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
            "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced");

    private Sysctls() {}

    /** The file under /proc/sys for a sysctl key: dots become slashes unless the key already uses slashes. */
    public static String procPath(String key) {
        String rel = key.contains("/") ? key : key.replace('.', '/');
        return "/proc/sys/" + rel;
    }

    public static void checkNamespaced(String key, Set<NamespaceType> namespaces) {
        String k = key.replace('/', '.');
        if (k.contains("..") || k.startsWith(".") || k.isEmpty()) {
            throw new OcirunException("linux.sysctl key \"" + key + "\" is malformed");
        }
        NamespaceType needed;
        if (IPC.contains(k) || k.startsWith("fs.mqueue.")) {
            needed = NamespaceType.IPC;
        } else if (k.startsWith("net.")) {
            needed = NamespaceType.NETWORK;
        } else if (k.equals("kernel.hostname") || k.equals("kernel.domainname")) {
            needed = NamespaceType.UTS;
        } else {
            throw new OcirunException("linux.sysctl " + key + " is not namespaced: setting it would change the host");
        }
        if (!namespaces.contains(needed)) {
            throw new OcirunException("linux.sysctl " + key + " needs a " + needed.specName()
                    + " namespace in linux.namespaces");
        }
    }
}
