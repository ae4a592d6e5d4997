package dev.ocitk.validator.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ocitk.schemas.OciSchemas;
import dev.ocitk.validator.Finding;
import dev.ocitk.validator.Level;
import dev.ocitk.validator.Rule;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** One JSON object for the whole run: inputs with their findings, unreadable inputs, totals. */
final class JsonReporter implements Reporter {

    @Override
    public void write(List<Outcome> outcomes, Level threshold, PrintWriter out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeStringField("tool", "oci-validate");
            g.writeStringField("specVersion", OciSchemas.SPEC_VERSION);
            g.writeStringField("failOn", Reporter.name(threshold));
            g.writeArrayFieldStart("inputs");
            long[] totals = new long[3];
            for (Outcome o : outcomes) {
                g.writeStartObject();
                g.writeStringField("input", o.input());
                g.writeStringField("file", o.file());
                if (o.error() != null) {
                    g.writeStringField("error", o.error());
                } else {
                    g.writeBooleanField("passed", !o.reaches(threshold));
                    g.writeArrayFieldStart("findings");
                    for (Outcome.Located l : o.findings()) {
                        writeFinding(g, l);
                        totals[l.finding().level().ordinal()]++;
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("inputs", outcomes.size());
            g.writeNumberField("unreadable", outcomes.stream().filter(o -> o.error() != null).count());
            g.writeNumberField("errors", totals[Level.ERROR.ordinal()]);
            g.writeNumberField("warnings", totals[Level.WARNING.ordinal()]);
            g.writeNumberField("infos", totals[Level.INFO.ordinal()]);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void writeFinding(JsonGenerator g, Outcome.Located l) throws IOException {
        Finding f = l.finding();
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("level", Reporter.name(f.level()));
        g.writeStringField("pointer", f.pointer());
        if (l.location() != null) {
            g.writeNumberField("line", l.location().line());
            g.writeNumberField("column", l.location().column());
        }
        g.writeStringField("message", f.message());
        g.writeStringField("specRef", f.specRef());
        g.writeStringField("helpUri", Rule.SPEC_BASE_URI + f.specRef());
        g.writeEndObject();
    }
}
