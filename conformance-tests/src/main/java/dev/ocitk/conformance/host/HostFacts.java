package dev.ocitk.conformance.host;

import dev.ocitk.validator.LinuxCapabilities;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What this host offers, for tests that must skip (with the reason) when it lacks something: cgroup controllers,
 * capabilities in the bounding set, the namespaces the runtime runs in. Read-only; cheap enough to ask per test.
 */
public final class HostFacts {

    private final CgroupHierarchies cgroups;
    private final Optional<Path> runtimeMountNamespace;

    public HostFacts(CgroupHierarchies cgroups, Optional<Path> runtimeMountNamespace) {
        this.cgroups = cgroups;
        this.runtimeMountNamespace = runtimeMountNamespace;
    }

    public CgroupHierarchies cgroups() {
        return cgroups;
    }

    /** True when a v1 hierarchy with this controller (e.g. {@code memory}, {@code name=systemd}) is mounted. */
    public boolean hasV1Controller(String controller) {
        return cgroups.v1MountPoints().stream().anyMatch(m -> Mountinfo.self().stream()
                .filter(e -> e.mountPoint().equals(m) && e.fsType().equals("cgroup"))
                .anyMatch(e -> Set.of(e.superOptions().split(",")).contains(controller)));
    }

    /** Controllers the v2 root offers (its {@code cgroup.controllers}); empty without a v2 mount. */
    public Set<String> v2Controllers() {
        return cgroups.v2MountPoints().stream().findFirst().map(m -> {
            try {
                return Set.of(Files.readString(m.resolve("cgroup.controllers")).trim().split("\\s+")).stream()
                        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            } catch (IOException e) {
                return Set.<String>of();
            }
        }).orElse(Set.of());
    }

    /** True when the capability (e.g. {@code CAP_SYS_RESOURCE}) is in this process's bounding set. */
    public boolean hasBoundingCapability(String name) {
        int bit = LinuxCapabilities.number(name);
        if (bit < 0) throw new IllegalArgumentException("unknown capability " + name);
        return boundingSet().testBit(bit);
    }

    private static BigInteger boundingSet() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("CapBnd:"))
                    .map(l -> new BigInteger(l.substring("CapBnd:".length()).trim(), 16)).findFirst().orElse(BigInteger.ZERO);
        } catch (IOException e) {
            return BigInteger.ZERO;
        }
    }

    /**
     * Inode of the namespace of {@code type} ({@code mnt}, {@code net}, {@code pid}, ...) the runtime runs in: the
     * wrapper's namespace file for {@code mnt} when {@code runtime.mountNamespace} is set, else this JVM's (the
     * runtime is its child). Compare with {@code /proc/<container pid>/ns/<type>} to test namespace inheritance.
     */
    public long runtimeNamespaceInode(String type) {
        Path ns = type.equals("mnt") && runtimeMountNamespace.isPresent()
                ? runtimeMountNamespace.get() : Path.of("/proc/self/ns/" + type);
        return namespaceInode(ns);
    }

    /** Inode of a namespace file such as {@code /proc/1234/ns/net}. */
    public static long namespaceInode(Path nsFile) {
        try {
            return ((Number) Files.getAttribute(nsFile, "unix:ino")).longValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stat namespace " + nsFile + ": " + e.getMessage(), e);
        }
    }
}
