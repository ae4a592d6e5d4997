package dev.ocitk.conformance.linux.support;

import dev.ocitk.conformance.Await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process the test starts in new namespaces, so a container can be told to join them by path
 * (config-linux.md#namespaces, {@code path}). It is {@code unshare(1)} running {@code sleep}; for a pid namespace
 * unshare forks and the child is the namespace's init. {@link #close()} kills exactly this process (and with it its
 * child) by PID, so the namespaces go away with it: nothing is left on the host.
 */
public final class NamespaceHolder implements AutoCloseable {

    /** unshare(1) flag per namespace type as config-linux.md names it. */
    private static String flag(String type) {
        return switch (type) {
            case "pid" -> "--pid";
            case "network" -> "--net";
            case "mount" -> "--mount";
            case "ipc" -> "--ipc";
            case "uts" -> "--uts";
            case "cgroup" -> "--cgroup";
            case "time" -> "--time";
            default -> throw new IllegalArgumentException("no holder for namespace type " + type);
        };
    }

    private final Process unshare;
    private final long memberPid;

    private NamespaceHolder(Process unshare, long memberPid) {
        this.unshare = unshare;
        this.memberPid = memberPid;
    }

    /** Starts a holder in new namespaces of {@code types} and waits until it is in them. */
    public static NamespaceHolder start(List<String> types) {
        List<String> cmd = new ArrayList<>(List.of("unshare"));
        types.forEach(t -> cmd.add(flag(t)));
        boolean forks = types.contains("pid") || types.contains("time");
        if (forks) cmd.addAll(List.of("--fork", "--kill-child"));
        cmd.addAll(List.of("--", "sleep", "infinity"));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd + ": " + e.getMessage(), e);
        }
        long member;
        try {
            member = forks ? Await.until("the child of " + cmd + " to start", () -> child(p.pid()), c -> c > 0) : p.pid();
            ProcFs self = ProcFs.self();
            ProcFs holder = ProcFs.of(member);
            Await.until("holder " + member + " to be in its own " + types + " namespaces",
                    () -> types.stream().allMatch(t -> p.isAlive() && !holderNs(holder, t).equals(holderNs(self, t))));
        } catch (AssertionError | RuntimeException e) {
            kill(p);
            throw e;
        }
        return new NamespaceHolder(p, member);
    }

    /** The namespace file under {@code /proc/<pid>/ns/} for a config-linux.md namespace type. */
    public static String nsFile(String type) {
        return switch (type) {
            case "network" -> "net";
            case "mount" -> "mnt";
            default -> type;
        };
    }

    private static String holderNs(ProcFs p, String type) {
        try {
            return p.namespace(nsFile(type));
        } catch (UncheckedIOException notYet) {
            return "";
        }
    }

    private static long child(long pid) {
        try {
            String children = Files.readString(Path.of("/proc/" + pid + "/task/" + pid + "/children")).trim();
            return children.isEmpty() ? -1 : Long.parseLong(children.split("\\s+")[0]);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Path of the holder's namespace of {@code type}, e.g. {@code /proc/4242/ns/net}. */
    public String path(String type) {
        return "/proc/" + memberPid + "/ns/" + nsFile(type);
    }

    public long pid() {
        return memberPid;
    }

    @Override
    public void close() {
        kill(unshare);
    }

    private static void kill(Process p) {
        p.destroyForcibly(); // unshare --kill-child takes its child along
        try {
            if (!p.waitFor(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("namespace holder " + p.pid() + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
