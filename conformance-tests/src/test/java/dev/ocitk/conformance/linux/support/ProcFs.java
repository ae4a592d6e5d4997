package dev.ocitk.conformance.linux.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads what the kernel reports about one process under {@code /proc/<pid>} (proc(5)), seen from the host. The
 * conformance tests observe the container process itself this way, never a helper: a runtime cannot fake these
 * files, and they show the settings exactly as the kernel applied them.
 */
public final class ProcFs {

    private final long pid;

    private ProcFs(long pid) {
        this.pid = pid;
    }

    public static ProcFs of(long pid) {
        return new ProcFs(pid);
    }

    /** The harness JVM itself: the process that starts the runtime, whose settings the runtime inherits. */
    public static ProcFs self() {
        return new ProcFs(ProcessHandle.current().pid());
    }

    public long pid() {
        return pid;
    }

    public Path dir() {
        return Path.of("/proc/" + pid);
    }

    /** {@code /proc/<pid>/status} as field name to value (values trimmed, tabs kept between numbers). */
    public Map<String, String> status() {
        return parseStatus(read("status"));
    }

    /** One field of {@code status}; fails when the kernel does not report it. */
    public String status(String field) {
        String v = status().get(field);
        if (v == null) throw new AssertionError("/proc/" + pid + "/status has no '" + field + "' line");
        return v;
    }

    /** argv as the kernel holds it, every argument exactly (empty strings and newlines included). */
    public List<String> cmdline() {
        return splitNul(readBytes("cmdline"));
    }

    /** The environment the process was executed with, entry by entry. */
    public List<String> environ() {
        return splitNul(readBytes("environ"));
    }

    public Map<String, ResourceLimit> limits() {
        return ResourceLimit.parseProcLimits(read("limits"));
    }

    public int oomScoreAdj() {
        return Integer.parseInt(read("oom_score_adj").trim());
    }

    /** The namespace link of {@code type} (the file name under {@code ns/}, e.g. {@code net}), e.g. {@code net:[4026531840]}. */
    public String namespace(String nsFile) {
        return readLink("ns/" + nsFile);
    }

    /** Whether the kernel offers this namespace file at all (e.g. {@code time} needs Linux 5.6). */
    public boolean hasNamespaceFile(String nsFile) {
        return Files.exists(dir().resolve("ns").resolve(nsFile), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Open file descriptors and what they point to, by number. */
    public Map<Integer, String> fds() {
        Map<Integer, String> out = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir().resolve("fd"))) {
            for (Path p : list.toList()) {
                String target;
                try {
                    target = Files.readSymbolicLink(p).toString();
                } catch (IOException closedMeanwhile) {
                    continue;
                }
                out.put(Integer.parseInt(p.getFileName().toString()), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc/" + pid + "/fd: " + e.getMessage(), e);
        }
        return out;
    }

    /** The working directory, as the kernel resolves it in the process's own root. */
    public String cwd() {
        return readLink("cwd");
    }

    /** {@code /proc/<pid>/cgroup}: one membership per hierarchy. */
    public List<CgroupMembership> cgroups() {
        return CgroupMembership.parse(read("cgroup"));
    }

    public String read(String file) {
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }

    private byte[] readBytes(String file) {
        Path p = dir().resolve(file);
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException gone) {
            throw new AssertionError("process " + pid + " is gone (cannot read " + p + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private String readLink(String file) {
        Path p = dir().resolve(file);
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read link " + p + ": " + e.getMessage(), e);
        }
    }

    /** Whether the process exists and is not a zombie. */
    public boolean isAlive() {
        try {
            String stat = Files.readString(dir().resolve("stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    static Map<String, String> parseStatus(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) out.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return out;
    }

    /** Splits a NUL-terminated list; an empty element in the middle is an empty argument and is kept. */
    static List<String> splitNul(byte[] bytes) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                out.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < bytes.length) out.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
        return out;
    }

    /** The numbers in a status field such as {@code Groups} or {@code Uid}. */
    public static List<Long> numbers(String statusValue) {
        List<Long> out = new ArrayList<>();
        for (String s : statusValue.trim().split("\\s+")) {
            if (!s.isEmpty()) out.add(Long.parseLong(s));
        }
        return out;
    }

    /** The name of the entry an {@code environ} or {@code env} list sets ({@code KEY} of {@code KEY=value}). */
    public static Optional<String> envName(String entry) {
        int eq = entry.indexOf('=');
        return eq <= 0 ? Optional.empty() : Optional.of(entry.substring(0, eq));
    }
}
