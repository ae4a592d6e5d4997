package dev.ocitk.ocirun.linux;

import java.util.Optional;

/**
 * The namespace types of config-linux.md#namespaces with their clone(2) flag and their file
 * name under /proc/PID/ns. The order is the order in which ocirun joins namespaces given by path.
 */
public enum NamespaceType {
    USER("user", 0x10000000, "user"),
    CGROUP("cgroup", 0x02000000, "cgroup"),
    IPC("ipc", 0x08000000, "ipc"),
    UTS("uts", 0x04000000, "uts"),
    NETWORK("network", 0x40000000, "net"),
    PID("pid", 0x20000000, "pid"),
    TIME("time", 0x00000080, "time"),
    MOUNT("mount", 0x00020000, "mnt");

    private final String specName;
    private final int cloneFlag;
    private final String procName;

    NamespaceType(String specName, int cloneFlag, String procName) {
        this.specName = specName;
        this.cloneFlag = cloneFlag;
        this.procName = procName;
    }

    public String specName() {
        return specName;
    }

    public int cloneFlag() {
        return cloneFlag;
    }

    /** The entry under /proc/PID/ns, e.g. "net" for the network namespace. */
    public String procName() {
        return procName;
    }

    public static Optional<NamespaceType> parse(String specName) {
        for (NamespaceType t : values()) {
            if (t.specName.equals(specName)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static Optional<NamespaceType> ofCloneFlag(int flag) {
        for (NamespaceType t : values()) {
            if (t.cloneFlag == flag) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
