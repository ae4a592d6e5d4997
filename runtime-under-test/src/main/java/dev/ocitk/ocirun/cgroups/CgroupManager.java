package dev.ocitk.ocirun.cgroups;

import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.spec.LinuxSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The container's cgroups for create: one directory per v1 hierarchy (plus the v2 tree on a hybrid
 * host, as runc does), or one v2 directory. {@link #create()} records exactly the directories it
 * made so delete removes those and nothing that existed before (runtime.md#delete).
 */
public final class CgroupManager {
    private static final String UNIFIED = "unified";

    private final CgroupLayout layout;
    /** Container directory per hierarchy name ("cpu", "memory", ..., or "unified"). */
    private final Map<String, Path> dirs = new LinkedHashMap<>();
    private final Map<String, CgroupLayout.Hierarchy> hierarchies = new LinkedHashMap<>();
    private final List<Path> created = new ArrayList<>();

    public CgroupManager(CgroupLayout layout, String cgroupsPath, String id) {
        this.layout = layout;
        String path = cgroupsPath == null || cgroupsPath.isEmpty() ? id : cgroupsPath;
        for (CgroupLayout.Hierarchy h : layout.v1()) {
            String key = String.join(",", h.controllers());
            dirs.put(key, h.resolve(path));
            hierarchies.put(key, h);
        }
        if (layout.unified() != null) {
            dirs.put(UNIFIED, layout.unified().resolve(path));
            hierarchies.put(UNIFIED, layout.unified());
        }
    }

    public List<Path> dirs() {
        return List.copyOf(dirs.values());
    }

    /** Directories create made, parents first. */
    public List<Path> created() {
        return List.copyOf(created);
    }

    /**
     * Creates the directories, refusing a cgroup that already holds processes (config-linux.md#control-groups
     * lets a runtime check a cgroup is fit for purpose; a non-empty one would mix two containers).
     */
    public void create() {
        for (Map.Entry<String, Path> e : dirs.entrySet()) {
            Path dir = e.getValue();
            CgroupLayout.Hierarchy h = hierarchies.get(e.getKey());
            List<Path> missing = new ArrayList<>();
            for (Path p = dir; p != null && !p.equals(h.mountPoint()) && !Files.isDirectory(p); p = p.getParent()) {
                missing.add(0, p);
            }
            for (Path p : missing) {
                try {
                    Files.createDirectory(p);
                } catch (java.nio.file.FileAlreadyExistsException race) {
                    continue;
                } catch (IOException ex) {
                    throw new OcirunException("cannot create cgroup " + p + ": " + reason(ex));
                }
                created.add(p);
                if (h.controllers().contains("cpuset")) {
                    inheritCpuset(p);
                }
            }
            if (!missing.contains(dir) && !procs(dir).isEmpty()) {
                throw new OcirunException("cgroup " + dir + " already has processes: it cannot hold a new container");
            }
        }
    }

    /** A fresh v1 cpuset has no CPUs or memory nodes; it must copy its parent's before it can take a task. */
    private static void inheritCpuset(Path dir) {
        for (String f : List.of("cpuset.cpus", "cpuset.mems")) {
            Path file = dir.resolve(f);
            try {
                if (Files.readString(file).isBlank()) {
                    Files.writeString(file, Files.readString(dir.getParent().resolve(f)).trim());
                }
            } catch (IOException ex) {
                throw new OcirunException("cannot initialise " + file + ": " + reason(ex));
            }
        }
    }

    /** Applies {@code linux.resources}; a setting whose controller is missing is an error, never ignored. */
    public void apply(LinuxSpec.Resources resources, List<LinuxSpec.Device> devices) {
        if (layout.mode() == CgroupLayout.Mode.V2) {
            applyV2(resources);
            return;
        }
        List<V1Resources.Write> writes = new ArrayList<>(V1Resources.plan(resources));
        if (resources != null && resources.devices() != null) {
            writes.addAll(DeviceRules.v1Writes(DeviceRules.effective(resources.devices(), devices)));
        }
        for (V1Resources.Write w : writes) {
            String key = keyFor(w.controller());
            if (key == null) {
                throw new OcirunException("cannot apply linux.resources." + w.setting() + ": the cgroup controller "
                        + w.controller() + " is not mounted on this host");
            }
            Path dir = dirs.get(key);
            Path file = dir.resolve(w.files().get(0));
            for (String candidate : w.files()) {
                if (Files.exists(dir.resolve(candidate))) {
                    file = dir.resolve(candidate);
                    break;
                }
            }
            write(file, w.value(), w.setting());
        }
        if (resources != null && !resources.unifiedOrEmpty().isEmpty()) {
            applyUnifiedOnHybrid(resources);
        }
    }

    private void applyUnifiedOnHybrid(LinuxSpec.Resources resources) {
        if (layout.mode() != CgroupLayout.Mode.HYBRID) {
            throw new OcirunException("linux.resources.unified needs cgroup v2, and this host has only cgroup v1");
        }
        Path dir = dirs.get(UNIFIED);
        Set<String> available = controllers(layout.unified().mountPoint().resolve("cgroup.controllers"));
        for (Map.Entry<String, String> e : resources.unifiedOrEmpty().entrySet()) {
            V2Resources.Write w = new V2Resources.Write(e.getKey(), e.getValue(), "unified " + e.getKey());
            if (w.controller() != null && !available.contains(w.controller())) {
                throw new OcirunException("cannot apply linux.resources.unified " + e.getKey() + ": the cgroup v2 controller "
                        + w.controller() + " is not available on this host (its v2 tree has: "
                        + (available.isEmpty() ? "none" : String.join(" ", available)) + ")");
            }
            write(dir.resolve(e.getKey()), e.getValue(), w.setting());
        }
    }

    private void applyV2(LinuxSpec.Resources resources) {
        List<V2Resources.Write> writes = V2Resources.plan(resources);
        if (resources != null && !resources.devicesOrEmpty().isEmpty()) {
            dev.ocitk.ocirun.Log.warn("linux.resources.devices is not enforced on cgroup v2 (ocirun has no eBPF device filter)");
        }
        Path root = layout.unified().mountPoint();
        Path dir = dirs.get(UNIFIED);
        Set<String> needed = new LinkedHashSet<>();
        for (V2Resources.Write w : writes) {
            if (w.controller() != null) {
                needed.add(w.controller());
            }
        }
        Set<String> available = controllers(root.resolve("cgroup.controllers"));
        for (String c : needed) {
            if (!available.contains(c)) {
                throw new OcirunException("cannot apply linux.resources: the cgroup v2 controller " + c
                        + " is not available on this host");
            }
        }
        enableControllers(root, dir, needed);
        for (V2Resources.Write w : writes) {
            write(dir.resolve(w.file()), w.value(), w.setting());
        }
    }

    /** Enables controllers in every ancestor's cgroup.subtree_control, top down, where not yet enabled. */
    static void enableControllers(Path root, Path dir, Set<String> needed) {
        List<Path> ancestors = new ArrayList<>();
        for (Path p = dir.getParent(); p != null && p.startsWith(root); p = p.getParent()) {
            ancestors.add(0, p);
        }
        for (Path p : ancestors) {
            Path control = p.resolve("cgroup.subtree_control");
            Set<String> enabled = controllers(control);
            List<String> missing = needed.stream().filter(c -> !enabled.contains(c)).map(c -> "+" + c).toList();
            if (!missing.isEmpty()) {
                write(control, String.join(" ", missing), "enable controllers " + missing);
            }
        }
    }

    private String keyFor(String controller) {
        for (Map.Entry<String, CgroupLayout.Hierarchy> e : hierarchies.entrySet()) {
            if (e.getValue().controllers().contains(controller)) {
                return e.getKey();
            }
        }
        return null;
    }

    public void join(int pid) {
        for (Path dir : dirs.values()) {
            write(dir.resolve("cgroup.procs"), Integer.toString(pid), "join cgroup " + dir);
        }
    }

    public CgroupMountPlan mountPlan() {
        if (layout.mode() == CgroupLayout.Mode.V2) {
            return new CgroupMountPlan(true, List.of(), dirs.get(UNIFIED).toString());
        }
        List<CgroupMountPlan.Hierarchy> hs = new ArrayList<>();
        for (Map.Entry<String, CgroupLayout.Hierarchy> e : hierarchies.entrySet()) {
            if (e.getKey().equals(UNIFIED)) {
                continue;
            }
            CgroupLayout.Hierarchy h = e.getValue();
            String options = String.join(",", h.controllers());
            if (options.startsWith("name=")) {
                options = "none," + options;
            }
            hs.add(new CgroupMountPlan.Hierarchy(h.dirName(), options, dirs.get(e.getKey()).toString()));
        }
        return new CgroupMountPlan(false, hs, null);
    }

    // ---- operations on a container's saved directories (delete, kill --all) ----

    /** Pids in a cgroup directory, empty if it is gone. */
    public static List<Integer> procs(Path dir) {
        List<Integer> pids = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                if (!line.isBlank()) {
                    pids.add(Integer.parseInt(line.trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return pids;
        }
        return pids;
    }

    /** All pids of a container: the first of its directories that lists any. */
    public static List<Integer> procs(List<String> dirs) {
        for (String d : dirs) {
            List<Integer> p = procs(Path.of(d));
            if (!p.isEmpty()) {
                return p;
            }
        }
        return List.of();
    }

    /**
     * Removes the directories create made, deepest first. A cgroup whose last task is still exiting
     * refuses rmdir with EBUSY for a moment, so each removal is retried until {@code deadlineNanos}.
     */
    public static void remove(List<String> createdDirs, long deadlineNanos) {
        List<String> order = new ArrayList<>(createdDirs);
        java.util.Collections.reverse(order);
        for (String d : order) {
            Path p = Path.of(d);
            while (true) {
                try {
                    Files.deleteIfExists(p);
                    break;
                } catch (IOException e) {
                    if (System.nanoTime() - deadlineNanos > 0) {
                        throw new OcirunException("cannot remove cgroup " + p + ": " + reason(e));
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
                }
            }
        }
    }

    private static Set<String> controllers(Path file) {
        try {
            String s = Files.readString(file).trim();
            return s.isEmpty() ? Set.of() : new LinkedHashSet<>(List.of(s.split("\\s+")));
        } catch (IOException e) {
            return Set.of();
        }
    }

    static void write(Path file, String value, String setting) {
        try {
            Files.write(file, value.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OcirunException("cannot apply " + setting + ": writing \"" + value + "\" to " + file + " failed: " + reason(e));
        }
    }

    static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
