package dev.ocitk.conformance.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds a bundle: a fresh rootfs clone plus a config.json that starts from a minimal rootful Linux config (close
 * to {@code runc spec}, without a terminal, with a writable root) and is edited through typed methods. The config
 * gets the run's {@code ociVersion} and a flat, unique {@code linux.cgroupsPath} ({@code /<container-id>}), so the
 * leak check knows exactly which cgroup directories the runtime made.
 *
 * <p>{@link #build()} checks the config with our validator and refuses to hand out a config it rejects: a test that
 * needs a broken config says so with {@link #buildUnvalidated()} or {@link #buildWithRawConfig(String)}.
 */
public final class BundleBuilder {

    /** Checks a written bundle before use; throws when the config is not valid. */
    @FunctionalInterface
    public interface ConfigCheck {
        void check(Bundle bundle);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final String containerId;
    private final RootfsTemplate template;
    private final ConfigCheck check;
    private final Consumer<Bundle> onBuild;
    private final ObjectNode config;

    public BundleBuilder(Path dir, String containerId, String ociVersion, RootfsTemplate template, ConfigCheck check,
                         Consumer<Bundle> onBuild) {
        this.dir = dir;
        this.containerId = containerId;
        this.template = template;
        this.check = check;
        this.onBuild = onBuild;
        this.config = defaultConfig();
        config.put("ociVersion", ociVersion);
        linux().put("cgroupsPath", "/" + containerId);
    }

    // ---- process ----------------------------------------------------------------------------------------------

    public BundleBuilder args(String... args) {
        return args(List.of(args));
    }

    public BundleBuilder args(List<String> args) {
        ArrayNode a = process().putArray("args");
        args.forEach(a::add);
        return this;
    }

    /** Adds {@code KEY=value} entries to {@code process.env}. */
    public BundleBuilder env(String... entries) {
        ArrayNode env = process().withArrayProperty("env");
        for (String e : entries) env.add(e);
        return this;
    }

    public BundleBuilder cwd(String cwd) {
        process().put("cwd", cwd);
        return this;
    }

    public BundleBuilder user(int uid, int gid, int... additionalGids) {
        ObjectNode user = process().putObject("user");
        user.put("uid", uid);
        user.put("gid", gid);
        if (additionalGids.length > 0) {
            ArrayNode a = user.putArray("additionalGids");
            for (int g : additionalGids) a.add(g);
        }
        return this;
    }

    public BundleBuilder terminal(boolean terminal) {
        process().put("terminal", terminal);
        return this;
    }

    /** Sets the bounding, effective and permitted sets to {@code caps} (ambient and inheritable left out). */
    public BundleBuilder capabilities(String... caps) {
        ObjectNode c = process().putObject("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            ArrayNode a = c.putArray(set);
            for (String cap : caps) a.add(cap);
        }
        return this;
    }

    public BundleBuilder rlimit(String type, long soft, long hard) {
        ArrayNode rlimits = process().withArrayProperty("rlimits");
        for (int i = rlimits.size() - 1; i >= 0; i--) {
            if (type.equals(rlimits.get(i).path("type").asText())) rlimits.remove(i);
        }
        rlimits.addObject().put("type", type).put("hard", hard).put("soft", soft);
        return this;
    }

    public BundleBuilder noNewPrivileges(boolean value) {
        process().put("noNewPrivileges", value);
        return this;
    }

    /** Removes {@code process} entirely (config.md#process makes it optional until start). */
    public BundleBuilder noProcess() {
        config.remove("process");
        return this;
    }

    // ---- root, hostname, annotations, mounts, hooks -------------------------------------------------------------

    public BundleBuilder rootReadonly(boolean readonly) {
        ((ObjectNode) config.get("root")).put("readonly", readonly);
        return this;
    }

    public BundleBuilder rootPath(String path) {
        ((ObjectNode) config.get("root")).put("path", path);
        return this;
    }

    public BundleBuilder hostname(String hostname) {
        config.put("hostname", hostname);
        return this;
    }

    public BundleBuilder annotation(String key, String value) {
        config.withObjectProperty("annotations").put(key, value);
        return this;
    }

    /** Appends a mount after the default ones. */
    public BundleBuilder mount(Mount mount) {
        config.withArrayProperty("mounts").add(mount.toJson());
        return this;
    }

    /** Removes every mount with this destination. */
    public BundleBuilder withoutMount(String destination) {
        ArrayNode mounts = config.withArrayProperty("mounts");
        for (int i = mounts.size() - 1; i >= 0; i--) {
            if (destination.equals(mounts.get(i).path("destination").asText())) mounts.remove(i);
        }
        return this;
    }

    public BundleBuilder hook(Hook.Kind kind, Hook hook) {
        config.withObjectProperty("hooks").withArrayProperty(kind.jsonName()).add(hook.toJson());
        return this;
    }

    // ---- linux ---------------------------------------------------------------------------------------------------

    /** Adds a namespace of {@code type} (a new one), replacing any entry of the same type. */
    public BundleBuilder namespace(String type) {
        return namespace(type, Optional.empty());
    }

    /** Adds a namespace of {@code type} joined from {@code path}, replacing any entry of the same type. */
    public BundleBuilder namespace(String type, String path) {
        return namespace(type, Optional.of(path));
    }

    private BundleBuilder namespace(String type, Optional<String> path) {
        withoutNamespace(type);
        ObjectNode ns = linux().withArrayProperty("namespaces").addObject().put("type", type);
        path.ifPresent(p -> ns.put("path", p));
        return this;
    }

    public BundleBuilder withoutNamespace(String type) {
        ArrayNode nss = linux().withArrayProperty("namespaces");
        for (int i = nss.size() - 1; i >= 0; i--) {
            if (type.equals(nss.get(i).path("type").asText())) nss.remove(i);
        }
        return this;
    }

    public BundleBuilder sysctl(String key, String value) {
        linux().withObjectProperty("sysctl").put(key, value);
        return this;
    }

    /** Edits {@code linux.resources} (created empty when absent). */
    public BundleBuilder resources(Consumer<ObjectNode> edit) {
        edit.accept(linux().withObjectProperty("resources"));
        return this;
    }

    /** Leaves {@code linux.cgroupsPath} out, so the runtime picks the path: the leak check cannot see its cgroups. */
    public BundleBuilder withoutCgroupsPath() {
        linux().remove("cgroupsPath");
        return this;
    }

    /** Any other edit of the config tree, for fields without a typed method. */
    public BundleBuilder edit(Consumer<ObjectNode> edit) {
        edit.accept(config);
        return this;
    }

    /** A copy of the config as it stands. */
    public ObjectNode configSnapshot() {
        return config.deepCopy();
    }

    // ---- build -----------------------------------------------------------------------------------------------------

    /** Writes the bundle and checks the config with the validator; an invalid config is a suite error. */
    public Bundle build() {
        Bundle bundle = write(serialize());
        check.check(bundle);
        return bundle;
    }

    /** Writes the bundle without validating: for tests that hand the runtime a config it must reject. */
    public Bundle buildUnvalidated() {
        return write(serialize());
    }

    /** Writes {@code configText} verbatim as config.json (e.g. malformed JSON), with the usual rootfs. */
    public Bundle buildWithRawConfig(String configText) {
        return write(configText);
    }

    private String serialize() {
        try {
            return JSON.writeValueAsString(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Bundle write(String configText) {
        try {
            Files.createDirectories(dir);
            template.cloneTo(dir.resolve("rootfs"));
            Files.writeString(dir.resolve("config.json"), configText);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bundle " + dir + ": " + e.getMessage(), e);
        }
        JsonNode cg = config.path("linux").path("cgroupsPath");
        Bundle bundle = new Bundle(dir, containerId, cg.isTextual() ? Optional.of(cg.asText()) : Optional.empty());
        onBuild.accept(bundle);
        return bundle;
    }

    private ObjectNode process() {
        return config.withObjectProperty("process");
    }

    private ObjectNode linux() {
        return config.withObjectProperty("linux");
    }

    private static ObjectNode defaultConfig() {
        try (InputStream in = BundleBuilder.class.getResourceAsStream("default-config.json")) {
            if (in == null) throw new IllegalStateException("default-config.json missing from the class path");
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read default-config.json: " + e.getMessage(), e);
        }
    }
}
