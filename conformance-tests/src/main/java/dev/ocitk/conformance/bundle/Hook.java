package dev.ocitk.conformance.bundle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.OptionalInt;

/**
 * One hook of config.md#posix-platform-hooks.
 *
 * @param path    absolute path of the executable (on the host, or in the container for startContainer)
 * @param args    full argv including argv[0]; empty to leave {@code args} out
 * @param env     {@code KEY=value} entries; empty to leave {@code env} out
 * @param timeout seconds; empty to leave {@code timeout} out
 */
public record Hook(String path, List<String> args, List<String> env, OptionalInt timeout) {

    /** The six hook kinds, with their config.json names. */
    public enum Kind {
        PRESTART("prestart"),
        CREATE_RUNTIME("createRuntime"),
        CREATE_CONTAINER("createContainer"),
        START_CONTAINER("startContainer"),
        POSTSTART("poststart"),
        POSTSTOP("poststop");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    public Hook {
        args = List.copyOf(args);
        env = List.copyOf(env);
    }

    public static Hook of(String path, String... args) {
        return new Hook(path, List.of(args), List.of(), OptionalInt.empty());
    }

    public Hook withEnv(String... entries) {
        return new Hook(path, args, List.of(entries), timeout);
    }

    public Hook withTimeout(int seconds) {
        return new Hook(path, args, env, OptionalInt.of(seconds));
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("path", path);
        if (!args.isEmpty()) args.forEach(n.putArray("args")::add);
        if (!env.isEmpty()) env.forEach(n.putArray("env")::add);
        timeout.ifPresent(t -> n.put("timeout", t));
        return n;
    }
}
