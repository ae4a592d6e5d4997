package dev.ocitk.conformance.hooks;

import dev.ocitk.conformance.RuntimeUnderTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Namespace identities ({@code readlink /proc/PID/ns/TYPE}, e.g. {@code uts:[4026531838]}) of the runtime and of a
 * container, for telling where a hook ran. The runtime's come from the harness's host facts, which know about a
 * wrapper's own mount namespace ({@code runtime.mountNamespace}, e.g. runtimes/crun-hybrid).
 */
final class Namespaces {

    /** The namespace types the default bundle creates for the container. */
    static final List<String> TYPES = List.of("mnt", "pid", "net", "uts", "ipc");

    private Namespaces() {
    }

    /** The runtime's namespace of each type in {@link #TYPES}, as {@code type:[inode]}. */
    static Map<String, String> runtime(RuntimeUnderTest runtime) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String type : TYPES) out.put(type, type + ":[" + runtime.host().runtimeNamespaceInode(type) + "]");
        return out;
    }

    /** The namespaces of host process {@code pid} (the container process, from state). */
    static Map<String, String> ofProcess(long pid) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String type : TYPES) out.put(type, link(Path.of("/proc/" + pid + "/ns/" + type)));
        return out;
    }

    /** The pid of host process {@code pid} in its own (innermost) pid namespace, from the NSpid line of its status. */
    static long pidInOwnNamespace(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("NSpid:")) {
                    String[] f = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(f[f.length - 1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/status", e);
        }
        throw new IllegalStateException("/proc/" + pid + "/status has no NSpid line (kernel older than 4.1?)");
    }

    private static String link(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read namespace link " + p, e);
        }
    }
}
