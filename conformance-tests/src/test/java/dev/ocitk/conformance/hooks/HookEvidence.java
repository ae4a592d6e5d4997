package dev.ocitk.conformance.hooks;

import dev.ocitk.conformance.RuntimeUnderTest;
import dev.ocitk.conformance.bundle.BundleBuilder;
import dev.ocitk.conformance.bundle.Hook;
import dev.ocitk.conformance.bundle.Mount;
import dev.ocitk.conformance.runtime.ContainerState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Hooks that record evidence instead of only running. Each recording hook is the static busybox's {@code sh}
 * (path {@code /bin/busybox}, which exists on the host and in the bundle's rootfs) running {@link #RECORDER}: it
 * saves what it got on stdin (the state), its own argv and environ as the kernel recorded them at exec, its
 * namespace links, the command line of the process the state's pid names, and which of a list of paths exist;
 * then it appends {@code "<kind> <index>"} to a shared log. The log line is written last, so a line means "this
 * hook ran to its end", and the order of lines is the order in which hooks finished.
 *
 * <p>Where the evidence goes: a directory in the test's scratch area, bind-mounted into the container at
 * {@value #IN_CONTAINER}. Hooks in the runtime namespace and createContainer hooks (which run before
 * {@code pivot_root}, when host paths still resolve) write to its host path; startContainer hooks and the user
 * program write to the mount inside the container. One log file thus orders every hook and the program.
 */
final class HookEvidence {

    /** Where the evidence directory appears inside the container. */
    static final String IN_CONTAINER = "/ocitk/hooks";

    /**
     * The recording script. Arguments: kind, index, evidence directory, then paths whose existence to record.
     * {@code /proc/self} files are opened by the shell itself ({@code exec 3<}), because a createContainer hook
     * sees the host's /proc from inside the container's pid namespace, where {@code $$} names another process.
     */
    static final String RECORDER = String.join("\n",
            "exec 3</proc/self/cmdline 4</proc/self/environ",
            "k=$1 i=$2 o=$3; shift 3; r=$o/$k.$i",
            "cat > $r.state",
            "p=$(sed -n 's/.*\"pid\" *: *\\([0-9][0-9]*\\).*/\\1/p' $r.state)",
            "if [ -n \"$p\" ]; then cat /proc/$p/cmdline > $r.target 2>/dev/null; fi",
            "for n in mnt pid net uts ipc; do echo \"$n $(readlink /proc/self/ns/$n)\"; done > $r.ns",
            "cat <&3 > $r.argv",
            "cat <&4 > $r.env",
            "for f in \"$@\"; do if [ -e \"$f\" ]; then echo \"$f\"; fi; done > $r.exists",
            "echo \"$k $i\" >> $o/log");

    /** argv[0] of recording hooks (busybox picks its applet from it). */
    static final String ARGV0 = "sh";

    private final Path dir;

    HookEvidence(RuntimeUnderTest runtime) {
        try {
            dir = Files.createDirectories(runtime.scratchDir().resolve("hooks"));
            Files.setAttribute(dir, "unix:mode", 0777);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** The evidence directory for hooks of {@code kind}: the container path for startContainer, else the host path. */
    String dirFor(Hook.Kind kind) {
        return kind == Hook.Kind.START_CONTAINER ? IN_CONTAINER : dir.toString();
    }

    /** The bind mount that shows the evidence directory to the container; every bundle of these tests needs it. */
    Mount mount() {
        return Mount.bind(dir, IN_CONTAINER);
    }

    /** A recording hook of {@code kind} with position {@code index}, also recording which {@code paths} exist. */
    Hook recorder(Hook.Kind kind, int index, String... paths) {
        return recorder(kind, index, List.of(paths), List.of());
    }

    /**
     * A recording hook with {@code extraArgs} after the recorder's own (recorded as paths to probe, harmless) and
     * {@code env} as its environment (empty: no {@code env} in the config).
     */
    Hook recorder(Hook.Kind kind, int index, List<String> extraArgs, List<String> env) {
        List<String> args = new ArrayList<>(List.of(ARGV0, "-c", RECORDER, "ocitk-hook", kind.jsonName(),
                Integer.toString(index), dirFor(kind)));
        args.addAll(extraArgs);
        return new Hook("/bin/busybox", args, env, OptionalInt.empty());
    }

    /** A hook that writes {@code "<kind> <index>"} to the log and then exits with {@code status}. */
    Hook failing(Hook.Kind kind, int index, int status) {
        return Hook.of("/bin/busybox", ARGV0, "-c", "cat > /dev/null; echo \"$1 $2 failing\" >> $3/log; exit " + status,
                "ocitk-hook", kind.jsonName(), Integer.toString(index), dirFor(kind));
    }

    /** Adds the evidence mount and, for each kind, {@code perKind} recording hooks numbered from 0. */
    BundleBuilder recordAll(BundleBuilder builder, int perKind) {
        return record(builder, perKind, Hook.Kind.values());
    }

    /** Adds the evidence mount and {@code perKind} recording hooks of each of {@code kinds}. */
    BundleBuilder record(BundleBuilder builder, int perKind, Hook.Kind... kinds) {
        builder.mount(mount());
        for (Hook.Kind kind : kinds) {
            for (int i = 0; i < perKind; i++) builder.hook(kind, recorder(kind, i));
        }
        return builder;
    }

    /** Shell command for the user program: appends {@code program} to the log. */
    static String programMark() {
        return "echo program >> " + IN_CONTAINER + "/log";
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** The log so far: one {@code "<kind> <index>"} line per finished hook, {@code program} when the program ran. */
    List<String> log() {
        return lines(dir.resolve("log"));
    }

    /** The log lines of the given kinds only, in order. */
    List<String> logOf(Hook.Kind... kinds) {
        List<String> names = Arrays.stream(kinds).map(Hook.Kind::jsonName).toList();
        return log().stream().filter(l -> names.contains(l.split(" ")[0])).toList();
    }

    /** What hook {@code kind}/{@code index} recorded; fails the test when it never ran. */
    Record record(Hook.Kind kind, int index) {
        Path base = dir.resolve(kind.jsonName() + "." + index);
        Path state = Path.of(base + ".state");
        if (!Files.exists(Path.of(base + ".exists"))) {
            throw new AssertionError(kind.jsonName() + " hook #" + index + " left no evidence in " + dir
                    + " (it did not run, or not to its end); log: " + log());
        }
        return new Record(kind, index, read(state), nulSeparated(Path.of(base + ".argv")),
                nulSeparated(Path.of(base + ".env")),
                namespaces(Path.of(base + ".ns")), argvIfPresent(Path.of(base + ".target")),
                lines(Path.of(base + ".exists")));
    }

    /**
     * One hook's evidence.
     *
     * @param state      the text the hook read on stdin
     * @param argv       its argv as exec'd
     * @param env        its environment as exec'd
     * @param namespaces namespace type to link text, e.g. {@code uts -> uts:[4026531838]}
     * @param target     argv of the process the state's pid named, as this hook saw it (empty if none)
     * @param existing   which of the paths given to the recorder existed
     */
    record Record(Hook.Kind kind, int index, String state, List<String> argv, List<String> env,
                  Map<String, String> namespaces, Optional<List<String>> target, List<String> existing) {

        /** The state parsed; fails the test when stdin was not a JSON object. */
        ContainerState parsedState() {
            try {
                return ContainerState.parse(state);
            } catch (IllegalArgumentException e) {
                throw new AssertionError(kind.jsonName() + " hook #" + index + " did not get a JSON state on stdin: "
                        + e.getMessage());
            }
        }

        String name() {
            return kind.jsonName() + " hook #" + index;
        }
    }

    private static Map<String, String> namespaces(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines(file)) {
            String[] kv = line.split(" ", 2);
            if (kv.length == 2) out.put(kv[0], kv[1]);
        }
        return out;
    }

    /** A copy of /proc/PID/cmdline or environ: NUL-terminated entries; keeps empty ones. */
    private static List<String> nulSeparated(Path file) {
        String text = read(file);
        if (text.isEmpty()) return List.of();
        List<String> parts = new ArrayList<>(Arrays.asList(text.split("\0", -1)));
        if (parts.get(parts.size() - 1).isEmpty()) parts.remove(parts.size() - 1);
        return parts;
    }

    private static Optional<List<String>> argvIfPresent(Path file) {
        return Files.exists(file) ? Optional.of(nulSeparated(file)) : Optional.empty();
    }

    private static List<String> lines(Path file) {
        return read(file).lines().toList();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
