package dev.ocitk.ocirun.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ocitk.ocirun.OcirunException;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value that knows its JSON pointer, with typed accessors that fail with one line
 * naming the pointer and the expected type. Built on jackson-core's streaming parser only: data
 * binding (reflection over dozens of record classes) cost create a quarter of a second at start-up.
 * Duplicate object keys are an error (glossary.md#json).
 */
public final class Json {
    /** In a holder, so that {@link #parseOwn} (the init) never initialises Jackson. */
    private static final class Jackson {
        static final JsonFactory FACTORY = JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    private static final BigInteger TWO_32 = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private enum Kind { OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN, NULL }

    private final String pointer;
    private final String document;
    private final Kind kind;
    private final Object value;

    private Json(String document, String pointer, Kind kind, Object value) {
        this.document = document;
        this.pointer = pointer;
        this.kind = kind;
        this.value = value;
    }

    /** Parses {@code bytes}; {@code document} names the source in error messages (e.g. "config.json"). */
    public static Json parse(byte[] bytes, String document) {
        try (JsonParser p = Jackson.FACTORY.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new OcirunException("invalid " + document + ": empty document");
            }
            Json root = read(p, document, "");
            if (p.nextToken() != null) {
                throw new OcirunException("invalid " + document + ": trailing content after the JSON value");
            }
            return root;
        } catch (JsonParseException e) {
            throw new OcirunException("invalid " + document + ": " + withoutSourceNotes(firstLine(e.getOriginalMessage()))
                    + " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new OcirunException("cannot read " + document + ": " + e.getMessage());
        }
    }

    /**
     * Jackson names the opening of an unclosed object or array as
     * {@code (start marker at [Source: REDACTED (...); line: 1, column: 33])}; keep only the position.
     * Error path only, so a regex costs nothing on the hot verbs.
     */
    static String withoutSourceNotes(String message) {
        return message.replaceAll("\\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)",
                "(opened at line $1 column $2)");
    }

    /**
     * Parses a document ocirun wrote itself (the init's config frame, which embeds the config.json
     * create already parsed here) with {@link JsonText} instead of jackson-core: the init then never
     * loads Jackson, whose start-up cost it would pay on the critical path of every create.
     */
    public static Json parseOwn(byte[] bytes, String document) {
        return of(JsonText.parse(new String(bytes, StandardCharsets.UTF_8), "invalid " + document), document, "");
    }

    private static Json of(Object v, String doc, String ptr) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Json> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = (String) e.getKey();
                out.put(k, of(e.getValue(), doc, ptr + "/" + k.replace("~", "~0").replace("/", "~1")));
            }
            return new Json(doc, ptr, Kind.OBJECT, Collections.unmodifiableMap(out));
        }
        if (v instanceof List<?> l) {
            List<Json> out = new ArrayList<>(l.size());
            for (Object e : l) {
                out.add(of(e, doc, ptr + "/" + out.size()));
            }
            return new Json(doc, ptr, Kind.ARRAY, Collections.unmodifiableList(out));
        }
        if (v instanceof String) {
            return new Json(doc, ptr, Kind.STRING, v);
        }
        if (v instanceof Long n) {
            return new Json(doc, ptr, Kind.INTEGER, BigInteger.valueOf(n));
        }
        if (v instanceof BigInteger) {
            return new Json(doc, ptr, Kind.INTEGER, v);
        }
        if (v instanceof Double) {
            return new Json(doc, ptr, Kind.NUMBER, v.toString());
        }
        if (v instanceof Boolean) {
            return new Json(doc, ptr, Kind.BOOLEAN, v);
        }
        return new Json(doc, ptr, Kind.NULL, null);
    }

    private static Json read(JsonParser p, String doc, String ptr) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Json> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, read(p, doc, ptr + "/" + k.replace("~", "~0").replace("/", "~1")));
                }
                return new Json(doc, ptr, Kind.OBJECT, Collections.unmodifiableMap(m));
            }
            case START_ARRAY -> {
                List<Json> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(read(p, doc, ptr + "/" + l.size()));
                }
                return new Json(doc, ptr, Kind.ARRAY, Collections.unmodifiableList(l));
            }
            case VALUE_STRING -> {
                return new Json(doc, ptr, Kind.STRING, p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new Json(doc, ptr, Kind.INTEGER, p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Json(doc, ptr, Kind.NUMBER, p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Json(doc, ptr, Kind.BOOLEAN, p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return new Json(doc, ptr, Kind.NULL, null);
            }
            default -> throw new OcirunException("invalid " + doc + ": unexpected " + p.currentToken() + " at " + ptr);
        }
    }

    public String pointer() {
        return pointer.isEmpty() ? "/" : pointer;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    private OcirunException wrongType(String expected) {
        String got = switch (kind) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case INTEGER, NUMBER -> "the number " + value;
            case BOOLEAN -> value.toString();
            case NULL -> "null";
        };
        return new OcirunException("invalid " + document + ": " + pointer() + ": expected " + expected + ", got " + got);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Json> fields() {
        if (kind != Kind.OBJECT) {
            throw wrongType("an object");
        }
        return (Map<String, Json>) value;
    }

    /** The member {@code name}, or null when absent or JSON null (optional properties treat both alike). */
    public Json get(String name) {
        Json j = fields().get(name);
        return j == null || j.kind == Kind.NULL ? null : j;
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    /** This value as an object (fails otherwise); returns this for chaining. */
    public Json object() {
        fields();
        return this;
    }

    public String asString() {
        if (kind != Kind.STRING) {
            throw wrongType("a string");
        }
        return (String) value;
    }

    public boolean asBoolean() {
        if (kind != Kind.BOOLEAN) {
            throw wrongType("true or false");
        }
        return (Boolean) value;
    }

    private BigInteger integer(String type, BigInteger min, BigInteger limit) {
        if (kind != Kind.INTEGER) {
            throw wrongType("an integer (" + type + ")");
        }
        BigInteger v = (BigInteger) value;
        if (v.compareTo(min) < 0 || v.compareTo(limit) >= 0) {
            throw new OcirunException("invalid " + document + ": " + pointer() + ": " + v + " is out of range for " + type);
        }
        return v;
    }

    public long asInt64() {
        return integer("int64", BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)).longValue();
    }

    public int asInt32() {
        return integer("int32", BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE + 1L)).intValue();
    }

    public long asUint32() {
        return integer("uint32", BigInteger.ZERO, TWO_32).longValue();
    }

    /** A uint64 as the same 64 bits in a long (read it back with Long.toUnsignedString). */
    public long asUint64() {
        return integer("uint64", BigInteger.ZERO, TWO_64).longValue();
    }

    @SuppressWarnings("unchecked")
    public List<Json> elements() {
        if (kind != Kind.ARRAY) {
            throw wrongType("an array");
        }
        return (List<Json>) value;
    }

    // ---- optional members, null when absent ----

    public String string(String name) {
        Json j = get(name);
        return j == null ? null : j.asString();
    }

    public boolean bool(String name) {
        Json j = get(name);
        return j != null && j.asBoolean();
    }

    public Boolean boolOrNull(String name) {
        Json j = get(name);
        return j == null ? null : j.asBoolean();
    }

    public Long int64(String name) {
        Json j = get(name);
        return j == null ? null : j.asInt64();
    }

    public Integer int32(String name) {
        Json j = get(name);
        return j == null ? null : j.asInt32();
    }

    public Long uint32(String name) {
        Json j = get(name);
        return j == null ? null : j.asUint32();
    }

    public Long uint64(String name) {
        Json j = get(name);
        return j == null ? null : j.asUint64();
    }

    /** A required member: absent is an error naming it. */
    public Json required(String name) {
        Json j = get(name);
        if (j == null) {
            throw new OcirunException("invalid " + document + ": " + (pointer.isEmpty() ? "" : pointer) + "/" + name
                    + " is required");
        }
        return j;
    }

    /** The array member {@code name}, or null when absent. */
    public List<Json> array(String name) {
        Json j = get(name);
        return j == null ? null : j.elements();
    }

    /** The object member {@code name} without its JSON-null members, or null when absent. */
    public Map<String, Json> members(String name) {
        Json j = get(name);
        if (j == null) {
            return null;
        }
        Map<String, Json> out = new LinkedHashMap<>();
        for (Map.Entry<String, Json> e : j.fields().entrySet()) {
            if (e.getValue().kind != Kind.NULL) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    public List<String> strings(String name) {
        List<Json> a = array(name);
        if (a == null) {
            return null;
        }
        List<String> out = new ArrayList<>(a.size());
        for (Json e : a) {
            out.add(e.asString());
        }
        return Collections.unmodifiableList(out);
    }

    public Map<String, String> stringMap(String name) {
        Map<String, Json> m = members(name);
        if (m == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Json> e : m.entrySet()) {
            out.put(e.getKey(), e.getValue().asString());
        }
        return Collections.unmodifiableMap(out);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
