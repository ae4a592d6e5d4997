package dev.ocitk.conformance.linux.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The runtime namespaces (glossary.md#runtime-namespace): the namespaces the runtime itself runs in, which a
 * container inherits for every type its config does not list. The runtime is started by the harness JVM, so they
 * are the JVM's, with one exception: a wrapper such as {@code runtimes/crun-hybrid} runs the runtime in a mount
 * namespace of its own, named by {@code runtime.mountNamespace} (a pinned namespace file, whose inode number is the
 * namespace's ID).
 */
public final class RuntimeNamespaces {

    private RuntimeNamespaces() {
    }

    /** The runtime's namespace of a config-linux.md type as an ID like {@code net:[4026531840]}. */
    public static String of(String type) {
        String file = NamespaceHolder.nsFile(type);
        if (file.equals("mnt")) {
            Optional<Path> pinned = mountNamespaceFile();
            if (pinned.isPresent()) {
                try {
                    return "mnt:[" + Files.getAttribute(pinned.get(), "unix:ino") + "]";
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot stat runtime.mountNamespace " + pinned.get() + ": " + e.getMessage(), e);
                }
            }
        }
        return ProcFs.self().namespace(file);
    }

    /** The harness's (host's) own namespace of a type, which may differ from the runtime's for mount. */
    public static String host(String type) {
        return ProcFs.self().namespace(NamespaceHolder.nsFile(type));
    }

    /**
     * The {@code runtime.mountNamespace} setting: the system property failsafe passes, or the variable the crun
     * profile exports for the wrapper.
     */
    public static Optional<Path> mountNamespaceFile() {
        String p = System.getProperty("runtime.mountNamespace", "");
        if (p.isBlank()) p = System.getenv().getOrDefault("OCITK_CRUN_NS", "");
        return p.isBlank() ? Optional.empty() : Optional.of(Path.of(p.trim()));
    }
}
