package dev.ocitk.ocirun.lifecycle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ocitk.ocirun.OcirunException;
import dev.ocitk.ocirun.spec.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the state documents, on jackson-core's streaming API only: the hot verbs (state, start,
 * kill) read and print state, and loading databind would cost them a large share of their run time.
 */
public final class StateCodec {
    /** The spec version ocirun's state documents comply with (runtime.md#state). */
    public static final String OCI_VERSION = "1.3.0";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private StateCodec() {}

    /**
     * The state document of runtime.md#state, as {@code state} prints it and hooks read it on stdin.
     * {@code pid} is written only when the status carries one, or when {@code pid > 0} is forced
     * for hooks that see the process of a stopped container.
     */
    public static String specState(String id, ContainerStatus status, int pid, String bundle,
                                   Map<String, String> annotations, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = generator(out, pretty)) {
            g.writeStartObject();
            g.writeStringField("ociVersion", OCI_VERSION);
            g.writeStringField("id", id);
            g.writeStringField("status", status.specName());
            if (pid > 0 && status != ContainerStatus.STOPPED) {
                g.writeNumberField("pid", pid);
            }
            g.writeStringField("bundle", bundle);
            if (annotations != null && !annotations.isEmpty()) {
                g.writeObjectFieldStart("annotations");
                for (Map.Entry<String, String> e : annotations.entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public static byte[] encode(ContainerState s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = generator(out, true)) {
            g.writeStartObject();
            g.writeStringField("id", s.id());
            g.writeStringField("bundle", s.bundle());
            g.writeStringField("rootfs", s.rootfs());
            g.writeNumberField("pid", s.pid());
            g.writeNumberField("pidStartTime", s.pidStartTime());
            g.writeStringField("status", s.status().specName());
            g.writeStringField("created", s.created());
            g.writeBooleanField("hasProcess", s.hasProcess());
            g.writeObjectFieldStart("annotations");
            for (Map.Entry<String, String> e : s.annotations().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            writeStrings(g, "cgroupDirs", s.cgroupDirs());
            writeStrings(g, "createdCgroupDirs", s.createdCgroupDirs());
            writeHooks(g, "poststart", s.poststart());
            writeHooks(g, "poststop", s.poststop());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static ContainerState decode(byte[] json) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p, JsonToken.START_OBJECT);
            String id = null, bundle = null, rootfs = null, created = null;
            String status = "creating";
            int pid = 0;
            long start = 0;
            boolean hasProcess = false;
            Map<String, String> annotations = Map.of();
            List<String> cgroupDirs = List.of(), createdDirs = List.of();
            List<Spec.Hook> poststart = List.of(), poststop = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "id" -> id = p.getText();
                    case "bundle" -> bundle = p.getText();
                    case "rootfs" -> rootfs = p.getText();
                    case "pid" -> pid = p.getIntValue();
                    case "pidStartTime" -> start = p.getLongValue();
                    case "status" -> status = p.getText();
                    case "created" -> created = p.getText();
                    case "hasProcess" -> hasProcess = p.getBooleanValue();
                    case "annotations" -> annotations = readStringMap(p);
                    case "cgroupDirs" -> cgroupDirs = readStrings(p);
                    case "createdCgroupDirs" -> createdDirs = readStrings(p);
                    case "poststart" -> poststart = readHooks(p);
                    case "poststop" -> poststop = readHooks(p);
                    default -> p.skipChildren();
                }
            }
            if (id == null || bundle == null) {
                throw new OcirunException("corrupt state.json: id or bundle missing");
            }
            return new ContainerState(id, bundle, rootfs, pid, start, ContainerStatus.parse(status), created,
                    annotations, hasProcess, cgroupDirs, createdDirs, poststart, poststop);
        } catch (IOException e) {
            throw new OcirunException("corrupt state.json: " + firstLine(e.getMessage()));
        }
    }

    // ---- helpers ----

    /** Straight-line generator code rather than a callback: a lambda would cost the hot verbs their method-handle set-up. */
    private static JsonGenerator generator(ByteArrayOutputStream out, boolean pretty) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        if (pretty) {
            g.useDefaultPrettyPrinter();
        }
        return g;
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void writeHooks(JsonGenerator g, String name, List<Spec.Hook> hooks) throws IOException {
        g.writeArrayFieldStart(name);
        for (Spec.Hook h : hooks) {
            g.writeStartObject();
            g.writeStringField("path", h.path());
            if (h.args() != null) {
                writeStrings(g, "args", h.args());
            }
            if (h.env() != null) {
                writeStrings(g, "env", h.env());
            }
            if (h.timeout() != null) {
                g.writeNumberField("timeout", h.timeout());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static String firstLine(String message) {
        if (message == null || message.isEmpty()) {
            return "malformed";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static void expect(JsonParser p, JsonToken t) throws IOException {
        if (p.nextToken() != t) {
            throw new OcirunException("corrupt state.json: expected " + t + " at " + p.currentLocation());
        }
    }

    private static List<String> readStrings(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return out;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(p.getText());
        }
        return out;
    }

    private static Map<String, String> readStringMap(JsonParser p) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return out;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            p.nextToken();
            out.put(k, p.getText());
        }
        return out;
    }

    private static List<Spec.Hook> readHooks(JsonParser p) throws IOException {
        List<Spec.Hook> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String path = null;
            List<String> args = null, env = null;
            Integer timeout = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "path" -> path = p.getText();
                    case "args" -> args = readStrings(p);
                    case "env" -> env = readStrings(p);
                    case "timeout" -> timeout = p.getIntValue();
                    default -> p.skipChildren();
                }
            }
            out.add(new Spec.Hook(path, args, env, timeout));
        }
        return out;
    }
}
