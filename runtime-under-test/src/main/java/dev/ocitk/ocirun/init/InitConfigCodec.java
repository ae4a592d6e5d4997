package dev.ocitk.ocirun.init;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ocitk.ocirun.cgroups.CgroupMountPlan;
import dev.ocitk.ocirun.spec.Json;
import dev.ocitk.ocirun.spec.SpecReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CONFIG frame: an {@link InitConfig} as JSON, with config.json embedded verbatim under
 * "spec". The init reads it with the same {@link SpecReader} create used, so both see the same
 * spec, but through {@link Json#parseOwn}: no Jackson in the init. (Java serialization did the job
 * in one line, but its reflective set-up cost the init ~150 ms.)
 */
public final class InitConfigCodec {
    private InitConfigCodec() {}

    public static byte[] encode(InitConfig c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(c.specJson().length + 1024);
        // A factory per call, not a static one: decode (in the init) must not load Jackson.
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("spec");
            g.writeRawValue(new String(c.specJson(), StandardCharsets.UTF_8));
            g.writeStringField("bundle", c.bundle());
            g.writeStringField("rootfs", c.rootfs());
            g.writeBooleanField("newCgroupNamespace", c.newCgroupNamespace());
            CgroupMountPlan plan = c.cgroupMount();
            g.writeObjectFieldStart("cgroupMount");
            g.writeBooleanField("unified", plan.unified());
            if (plan.unifiedDir() != null) {
                g.writeStringField("unifiedDir", plan.unifiedDir());
            }
            g.writeArrayFieldStart("hierarchies");
            for (CgroupMountPlan.Hierarchy h : plan.hierarchies()) {
                g.writeStartObject();
                g.writeStringField("name", h.name());
                g.writeStringField("options", h.options());
                g.writeStringField("hostDir", h.hostDir());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("createContainerState", c.createContainerState());
            g.writeStringField("startContainerState", c.startContainerState());
            g.writeBooleanField("noPivot", c.noPivot());
            g.writeStringField("stateDir", c.stateDir());
            g.writeNumberField("stateDirFd", c.stateDirFd());
            g.writeNumberField("consoleSocketFd", c.consoleSocketFd());
            g.writeNumberField("firstControlFd", c.firstControlFd());
            if (c.fault() != null) {
                g.writeStringField("fault", c.fault());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static InitConfig decode(byte[] bytes) {
        Json j = Json.parseOwn(bytes, "init config");
        Json spec = j.required("spec");
        Json plan = j.required("cgroupMount");
        List<CgroupMountPlan.Hierarchy> hs = new ArrayList<>();
        for (Json h : plan.required("hierarchies").elements()) {
            hs.add(new CgroupMountPlan.Hierarchy(h.string("name"), h.string("options"), h.string("hostDir")));
        }
        return new InitConfig(SpecReader.read(spec), null, j.string("bundle"), j.string("rootfs"),
                j.bool("newCgroupNamespace"), new CgroupMountPlan(plan.bool("unified"), hs, plan.string("unifiedDir")),
                j.string("createContainerState"), j.string("startContainerState"), j.bool("noPivot"),
                j.string("stateDir"), j.required("stateDirFd").asInt32(), j.required("consoleSocketFd").asInt32(),
                j.required("firstControlFd").asInt32(), j.string("fault"));
    }
}
