package dev.ocitk.validator.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ocitk.schemas.OciSchemas;
import dev.ocitk.validator.Finding;
import dev.ocitk.validator.Level;
import dev.ocitk.validator.OciValidator;
import dev.ocitk.validator.Rule;
import dev.ocitk.validator.internal.json.Pointers;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (OASIS), in the shape GitHub code scanning ingests: one run whose driver lists every rule with its
 * spec section as {@code helpUri}; one result per finding with its rule, level, message, the file (a relative URI
 * against {@code %SRCROOT%}, the working directory) and line/column, and the JSON pointer as a logical location.
 * Inputs that could not be read are tool execution notifications and make the invocation unsuccessful.
 */
final class SarifReporter implements Reporter {

    static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";

    @Override
    public void write(List<Outcome> outcomes, Level threshold, PrintWriter out) {
        List<Rule> rules = OciValidator.rules();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA_URI);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            writeTool(g, rules);
            g.writeObjectFieldStart("originalUriBaseIds");
            g.writeObjectFieldStart(SRCROOT);
            g.writeStringField("uri", directoryUri(Path.of("").toAbsolutePath()));
            g.writeEndObject();
            g.writeEndObject();
            writeInvocation(g, outcomes);
            g.writeArrayFieldStart("results");
            for (Outcome o : outcomes) {
                for (Outcome.Located l : o.findings()) {
                    writeResult(g, o, l, ruleIndex.get(l.finding().ruleId()));
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void writeTool(JsonGenerator g, List<Rule> rules) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "oci-validate");
        g.writeStringField("informationUri", Rule.SPEC_BASE_URI + "config.md");
        String version = OciValidateCommand.class.getPackage().getImplementationVersion();
        if (version != null) {
            g.writeStringField("version", version);
        }
        g.writeArrayFieldStart("rules");
        for (Rule r : rules) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeObjectFieldStart("shortDescription");
            g.writeStringField("text", r.summary());
            g.writeEndObject();
            g.writeObjectFieldStart("fullDescription");
            g.writeStringField("text", r.summary() + " See OCI runtime-spec v" + OciSchemas.SPEC_VERSION + ", "
                    + r.specRef() + ".");
            g.writeEndObject();
            g.writeStringField("helpUri", r.helpUri());
            g.writeObjectFieldStart("defaultConfiguration");
            g.writeStringField("level", level(r.level()));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeInvocation(JsonGenerator g, List<Outcome> outcomes) throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        boolean allRead = outcomes.stream().allMatch(o -> o.error() == null);
        g.writeBooleanField("executionSuccessful", allRead);
        if (!allRead) {
            g.writeArrayFieldStart("toolExecutionNotifications");
            for (Outcome o : outcomes) {
                if (o.error() != null) {
                    g.writeStartObject();
                    g.writeStringField("level", "error");
                    g.writeObjectFieldStart("message");
                    g.writeStringField("text", o.input() + ": " + o.error());
                    g.writeEndObject();
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void writeResult(JsonGenerator g, Outcome o, Outcome.Located l, int index) throws IOException {
        Finding f = l.finding();
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeNumberField("ruleIndex", index);
        g.writeStringField("level", level(f.level()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.message() + " (spec: " + f.specRef() + ")");
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        String uri = fileUri(o.file());
        g.writeStringField("uri", uri);
        if (!uri.startsWith("file:")) {
            g.writeStringField("uriBaseId", SRCROOT);
        }
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", l.location() == null ? 1 : l.location().line());
        if (l.location() != null) {
            g.writeNumberField("startColumn", l.location().column());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        List<String> tokens = Pointers.tokens(f.pointer());
        g.writeStringField("name", tokens.isEmpty() ? "/" : tokens.get(tokens.size() - 1));
        g.writeStringField("fullyQualifiedName", f.pointer().isEmpty() ? "/" : f.pointer());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("properties");
        g.writeStringField("jsonPointer", f.pointer());
        g.writeStringField("specRef", f.specRef());
        g.writeEndObject();
        g.writeEndObject();
    }

    static String level(Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * A file as SARIF wants it: relative to the working directory when it is inside it (a relative URI reference
     * with percent-encoded segments), else an absolute file URI.
     */
    static String fileUri(String file) {
        if (file.equals("-")) {
            return "stdin";
        }
        Path path = Path.of(file).normalize();
        Path cwd = Path.of("").toAbsolutePath();
        if (path.isAbsolute()) {
            if (!path.startsWith(cwd)) {
                return "file://" + encodePath(path.toString());
            }
            path = cwd.relativize(path);
        }
        return encodePath(path.toString());
    }

    private static String directoryUri(Path dir) {
        String p = encodePath(dir.toString());
        return "file://" + (p.endsWith("/") ? p : p + "/");
    }

    /** Percent-encodes everything but unreserved characters and the path separator (RFC 3986). */
    static String encodePath(String path) {
        StringBuilder s = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                s.append((char) c);
            } else {
                s.append('%').append(String.format("%02X", c));
            }
        }
        return s.toString();
    }
}
