package dev.ocitk.validator.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns bytes or text into a {@link JsonDocument}, or a {@link ParseFailure} that names the cause and its place.
 *
 * <p>Strict where runtimes are strict: UTF-8 only (RFC 8259 section 8.1), no byte order mark, no comments, no
 * trailing data. Bounded: documents above {@link #MAX_BYTES} are refused before they are read, and nesting deeper
 * than {@link #MAX_DEPTH} stops the parse, so hostile input costs neither the heap nor the stack.
 */
public final class JsonInput {

    /** Largest document accepted. Real config.json files are kilobytes; seccomp-heavy ones stay under 1 MiB. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    /** Deepest nesting accepted. OCI documents nest about eight levels. */
    public static final int MAX_DEPTH = 512;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    // Our own depth check fires first with a clearer message; this is the backstop.
                    .maxNestingDepth(MAX_DEPTH + 8)
                    .maxDocumentLength(MAX_BYTES + 1L)
                    .maxStringLength(MAX_BYTES)
                    .maxNumberLength(1000)
                    .build())
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonInput() {
    }

    /**
     * Outcome of a parse: exactly one of {@code document} and {@code failure} is non-null. {@code text} is the
     * decoded input (null when it was not UTF-8 or over the size limit), kept so reports can locate pointers in it.
     */
    public record Result(JsonDocument document, ParseFailure failure, String text) {
        public boolean ok() {
            return document != null;
        }
    }

    /** Decodes {@code bytes} as strict UTF-8 and parses them. */
    public static Result parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return tooLarge(bytes.length);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            out.flip();
            int bad = in.position() < bytes.length ? bytes[in.position()] & 0xff : 0;
            long[] place = lineAndColumn(out);
            return new Result(null, new ParseFailure(ParseFailure.Kind.INVALID,
                    String.format("not UTF-8 text: invalid byte 0x%02x", bad), place[0], place[1]), null);
        }
        out.flip();
        return parse(out.toString());
    }

    /** Parses JSON text. */
    public static Result parse(String text) {
        if (text.length() > MAX_BYTES) {
            return tooLarge(text.length());
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            return new Result(null, new ParseFailure(ParseFailure.Kind.INVALID,
                    "starts with a byte order mark, which JSON text must not have (Go-based runtimes reject it)", 1, 1), text);
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Result(null, new ParseFailure(ParseFailure.Kind.INVALID, "empty document: no JSON value", 1, 1), text);
            }
            Builder builder = new Builder(parser);
            JsonNode root = builder.value(first, 0);
            if (builder.tooDeep != null) {
                return new Result(null, builder.tooDeep, text);
            }
            if (parser.nextToken() != null) {
                var loc = parser.currentTokenLocation();
                return new Result(null, new ParseFailure(ParseFailure.Kind.INVALID,
                        "unexpected data after the top-level value", loc.getLineNr(), loc.getColumnNr()), text);
            }
            return new Result(new JsonDocument(root, builder.duplicates), null, text);
        } catch (StreamConstraintsException e) {
            var loc = e.getLocation();
            boolean depth = String.valueOf(e.getOriginalMessage()).contains("nesting depth");
            return new Result(null, new ParseFailure(
                    depth ? ParseFailure.Kind.TOO_DEEP : ParseFailure.Kind.TOO_LARGE,
                    oneLine(e.getOriginalMessage()),
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr()), text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            return new Result(null, new ParseFailure(ParseFailure.Kind.INVALID, oneLine(e.getOriginalMessage()),
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr()), text);
        } catch (IOException e) {
            // A String source does no I/O; anything here is a parser failure all the same.
            return new Result(null, new ParseFailure(ParseFailure.Kind.INVALID, oneLine(e.getMessage()), 0, 0), text);
        }
    }

    private static Result tooLarge(long size) {
        return new Result(null, new ParseFailure(ParseFailure.Kind.TOO_LARGE,
                String.format("document is %s, above the %d MiB limit", humanSize(size), MAX_BYTES >> 20), 0, 0), null);
    }

    public static String humanSize(long bytes) {
        if (bytes >= 1L << 20) {
            return String.format("%.1f MiB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return String.format("%.1f KiB", bytes / (double) (1L << 10));
        }
        return bytes + " bytes";
    }

    private static String oneLine(String message) {
        String s = message == null ? "malformed JSON" : message.replaceAll("\\s+", " ").strip();
        // Jackson names its source even when it may not show it: keep only the place.
        s = s.replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }

    /** 1-based line and column just after the decoded characters. */
    private static long[] lineAndColumn(CharSequence decoded) {
        long line = 1;
        long column = 1;
        for (int i = 0; i < decoded.length(); i++) {
            if (decoded.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new long[] {line, column};
    }

    /** Builds the tree from the token stream, noting duplicate member names and stopping at {@link #MAX_DEPTH}. */
    private static final class Builder {
        private final JsonParser parser;
        private final Deque<String> path = new ArrayDeque<>();
        private final List<String> duplicates = new ArrayList<>();
        private ParseFailure tooDeep;

        Builder(JsonParser parser) {
            this.parser = parser;
        }

        JsonNode value(JsonToken token, int depth) throws IOException {
            switch (token) {
                case START_OBJECT:
                case START_ARRAY:
                    if (depth >= MAX_DEPTH) {
                        var loc = parser.currentTokenLocation();
                        tooDeep = new ParseFailure(ParseFailure.Kind.TOO_DEEP,
                                "nested more than " + MAX_DEPTH + " levels deep", loc.getLineNr(), loc.getColumnNr());
                        return null;
                    }
                    return token == JsonToken.START_OBJECT ? object(depth) : array(depth);
                case VALUE_STRING:
                    return NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT:
                    return switch (parser.getNumberType()) {
                        case INT -> NODES.numberNode(parser.getIntValue());
                        case LONG -> NODES.numberNode(parser.getLongValue());
                        default -> NODES.numberNode(parser.getBigIntegerValue());
                    };
                case VALUE_NUMBER_FLOAT: {
                    double d = parser.getDoubleValue();
                    if (Double.isFinite(d)) {
                        return NODES.numberNode(d);
                    }
                    BigDecimal exact = parser.getDecimalValue();
                    return NODES.numberNode(exact);
                }
                case VALUE_TRUE:
                    return NODES.booleanNode(true);
                case VALUE_FALSE:
                    return NODES.booleanNode(false);
                case VALUE_NULL:
                    return NODES.nullNode();
                default:
                    throw new JsonParseException(parser, "unexpected token " + token);
            }
        }

        private ObjectNode object(int depth) throws IOException {
            ObjectNode node = NODES.objectNode();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                path.addLast(Pointers.escape(name));
                JsonNode child = value(parser.nextToken(), depth + 1);
                if (tooDeep != null) {
                    return node;
                }
                if (node.replace(name, child) != null) {
                    duplicates.add("/" + String.join("/", path));
                }
                path.removeLast();
            }
            expect(token, JsonToken.END_OBJECT);
            return node;
        }

        private ArrayNode array(int depth) throws IOException {
            ArrayNode node = NODES.arrayNode();
            JsonToken token;
            int index = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    expect(null, JsonToken.END_ARRAY);
                }
                path.addLast(Integer.toString(index++));
                JsonNode child = value(token, depth + 1);
                if (tooDeep != null) {
                    return node;
                }
                node.add(child);
                path.removeLast();
            }
            return node;
        }

        private void expect(JsonToken actual, JsonToken expected) throws IOException {
            if (actual != expected) {
                throw new JsonParseException(parser, "unexpected end of input: expected " + expected);
            }
        }
    }
}
