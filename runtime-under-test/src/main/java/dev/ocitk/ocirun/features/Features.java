package dev.ocitk.ocirun.features;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ocitk.ocirun.linux.Capability;
import dev.ocitk.ocirun.linux.MountOptions;
import dev.ocitk.ocirun.linux.NamespaceType;
import dev.ocitk.ocirun.linux.Seccomp;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The features document (features.md, features-linux.md), built from the same tables create uses
 * (mount options, namespaces, capabilities), so it cannot claim more than ocirun does. Everything
 * ocirun rejects is reported as disabled or left out.
 */
public final class Features {
    public static final String OCI_VERSION_MIN = "1.0.0";
    public static final String OCI_VERSION_MAX = "1.3.0";
    public static final List<String> HOOKS = List.of(
            "prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop");

    private Features() {}

    /** Namespace types ocirun can create or join: every type but user (see SpecValidator). */
    public static List<String> namespaces() {
        return Arrays.stream(NamespaceType.values()).filter(t -> t != NamespaceType.USER)
                .map(NamespaceType::specName).sorted().toList();
    }

    public static String json() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("ociVersionMin", OCI_VERSION_MIN);
            g.writeStringField("ociVersionMax", OCI_VERSION_MAX);
            strings(g, "hooks", HOOKS);
            strings(g, "mountOptions", MountOptions.known());
            g.writeObjectFieldStart("linux");
            strings(g, "namespaces", namespaces());
            strings(g, "capabilities", Arrays.stream(Capability.values()).map(Enum::name).toList());
            g.writeObjectFieldStart("cgroup");
            g.writeBooleanField("v1", true);
            g.writeBooleanField("v2", true);
            g.writeBooleanField("systemd", false);
            g.writeBooleanField("systemdUser", false);
            g.writeBooleanField("rdma", true);
            g.writeEndObject();
            g.writeObjectFieldStart("seccomp");
            g.writeBooleanField("enabled", true);
            strings(g, "actions", Seccomp.ACTIONS);
            strings(g, "operators", Seccomp.OPERATORS);
            strings(g, "archs", Seccomp.ARCHES);
            strings(g, "knownFlags", Seccomp.KNOWN_FLAGS);
            strings(g, "supportedFlags", Seccomp.SUPPORTED_FLAGS);
            g.writeEndObject();
            g.writeObjectFieldStart("apparmor");
            g.writeBooleanField("enabled", false);
            g.writeEndObject();
            g.writeObjectFieldStart("selinux");
            g.writeBooleanField("enabled", false);
            g.writeEndObject();
            g.writeObjectFieldStart("intelRdt");
            g.writeBooleanField("enabled", false);
            g.writeEndObject();
            g.writeObjectFieldStart("mountExtensions");
            g.writeObjectFieldStart("idmap");
            g.writeBooleanField("enabled", false);
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("netDevices");
            g.writeBooleanField("enabled", false);
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("annotations");
            g.writeStringField("dev.ocitk.ocirun.version", "0.1.0");
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
