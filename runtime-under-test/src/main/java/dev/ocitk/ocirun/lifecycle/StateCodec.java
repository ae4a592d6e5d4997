package dev.ocitk.ocirun.lifecycle;

import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.spec.JsonText;
import dev.ocitk.ocirun.spec.Spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the state documents: the one {@code state} prints and hooks read (runtime.md#state),
 * and ocirun's own state.json. Written and read by {@link JsonText}, not Jackson: these are the
 * only JSON the hot verbs touch (see there for the measured reason).
 */
public final class StateCodec {
    /** The spec version ocirun's state documents comply with (runtime.md#state). */
    public static final String OCI_VERSION = "1.3.0";

    private StateCodec() {}

    /**
     * The state document of runtime.md#state, as {@code state} prints it and hooks read it on stdin.
     * {@code pid} is written only when the status carries one, or when {@code pid > 0} is forced
     * for hooks that see the process of a stopped container.
     */
    public static String specState(String id, ContainerStatus status, int pid, String bundle,
                                   Map<String, String> annotations, boolean pretty) {
        Doc d = new Doc(pretty).begin('{');
        d.name("ociVersion").string(OCI_VERSION);
        d.name("id").string(id);
        d.name("status").string(status.specName());
        if (pid > 0 && status != ContainerStatus.STOPPED) {
            d.name("pid").number(pid);
        }
        d.name("bundle").string(bundle);
        if (annotations != null && !annotations.isEmpty()) {
            d.name("annotations").stringMap(annotations);
        }
        return d.end('}').toString();
    }

    public static byte[] encode(ContainerState s) {
        Doc d = new Doc(true).begin('{');
        d.name("id").string(s.id());
        d.name("bundle").string(s.bundle());
        d.name("rootfs").string(s.rootfs());
        d.name("pid").number(s.pid());
        d.name("pidStartTime").number(s.pidStartTime());
        d.name("status").string(s.status().specName());
        d.name("created").string(s.created());
        d.name("hasProcess").bool(s.hasProcess());
        d.name("annotations").stringMap(s.annotations());
        d.name("cgroupDirs").strings(s.cgroupDirs());
        d.name("createdCgroupDirs").strings(s.createdCgroupDirs());
        d.name("poststart").hooks(s.poststart());
        d.name("poststop").hooks(s.poststop());
        return d.end('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    public static ContainerState decode(byte[] json) {
        Object parsed = JsonText.parse(new String(json, StandardCharsets.UTF_8), "corrupt state.json");
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new OcirunException("corrupt state.json: not an object");
        }
        String id = str(m, "id");
        String bundle = str(m, "bundle");
        if (id == null || bundle == null) {
            throw new OcirunException("corrupt state.json: id or bundle missing");
        }
        String status = str(m, "status");
        return new ContainerState(id, bundle, str(m, "rootfs"), (int) num(m, "pid"), num(m, "pidStartTime"),
                ContainerStatus.parse(status == null ? "creating" : status), str(m, "created"),
                stringMap(m.get("annotations")), m.get("hasProcess") == Boolean.TRUE,
                strings(m.get("cgroupDirs")), strings(m.get("createdCgroupDirs")),
                hooks(m.get("poststart")), hooks(m.get("poststop")));
    }

    // ---- reading helpers: absent members read as empty, members of the wrong type are corruption ----

    private static String str(Map<?, ?> m, String name) {
        Object v = m.get(name);
        if (v != null && !(v instanceof String)) {
            throw new OcirunException("corrupt state.json: " + name + " is not a string");
        }
        return (String) v;
    }

    private static long num(Map<?, ?> m, String name) {
        Object v = m.get(name);
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Long l)) {
            throw new OcirunException("corrupt state.json: " + name + " is not an integer");
        }
        return l;
    }

    private static List<String> strings(Object v) {
        if (!(v instanceof List<?> l)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(l.size());
        for (Object o : l) {
            if (!(o instanceof String s)) {
                throw new OcirunException("corrupt state.json: expected an array of strings");
            }
            out.add(s);
        }
        return out;
    }

    private static Map<String, String> stringMap(Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new OcirunException("corrupt state.json: annotation " + e.getKey() + " is not a string");
            }
            out.put((String) e.getKey(), s);
        }
        return out;
    }

    private static List<Spec.Hook> hooks(Object v) {
        if (!(v instanceof List<?> l)) {
            return List.of();
        }
        List<Spec.Hook> out = new ArrayList<>(l.size());
        for (Object o : l) {
            if (!(o instanceof Map<?, ?> h)) {
                throw new OcirunException("corrupt state.json: a hook is not an object");
            }
            Object timeout = h.get("timeout");
            out.add(new Spec.Hook(str(h, "path"), h.containsKey("args") ? strings(h.get("args")) : null,
                    h.containsKey("env") ? strings(h.get("env")) : null,
                    timeout == null ? null : (int) num(h, "timeout")));
        }
        return Collections.unmodifiableList(out);
    }

    /** A JSON document being written, indented by two spaces per level when pretty (as runc prints state). */
    private static final class Doc {
        private final StringBuilder sb = new StringBuilder(256);
        private final boolean pretty;
        private int depth;
        private boolean first;

        Doc(boolean pretty) {
            this.pretty = pretty;
        }

        Doc begin(char bracket) {
            sb.append(bracket);
            depth++;
            first = true;
            return this;
        }

        Doc end(char bracket) {
            depth--;
            if (!first) {
                newline();
            }
            sb.append(bracket);
            first = false;
            return this;
        }

        /** Starts a member (or, with a null name, an array element). */
        Doc name(String name) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            newline();
            if (name != null) {
                JsonText.quote(sb, name).append(pretty ? ": " : ":");
            }
            return this;
        }

        private void newline() {
            if (pretty) {
                sb.append('\n');
                for (int i = 0; i < depth; i++) {
                    sb.append("  ");
                }
            }
        }

        void string(String v) {
            if (v == null) {
                sb.append("null");
            } else {
                JsonText.quote(sb, v);
            }
        }

        void number(long v) {
            sb.append(v);
        }

        void bool(boolean v) {
            sb.append(v);
        }

        void strings(List<String> values) {
            begin('[');
            for (String v : values) {
                name(null).string(v);
            }
            end(']');
        }

        void stringMap(Map<String, String> values) {
            begin('{');
            for (Map.Entry<String, String> e : values.entrySet()) {
                name(e.getKey()).string(e.getValue());
            }
            end('}');
        }

        void hooks(List<Spec.Hook> hooks) {
            begin('[');
            for (Spec.Hook h : hooks) {
                name(null).begin('{');
                name("path").string(h.path());
                if (h.args() != null) {
                    name("args").strings(h.args());
                }
                if (h.env() != null) {
                    name("env").strings(h.env());
                }
                if (h.timeout() != null) {
                    name("timeout").number(h.timeout());
                }
                end('}');
            }
            end(']');
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
