package dev.ocitk.ocirun.spec;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ocitk.ocirun.OcirunException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads config.json into a {@link Spec}. Unknown properties are ignored (config.md#extensibility);
 * duplicate object keys are an error (glossary.md#json); type errors come back as one line naming
 * the JSON pointer of the bad value.
 */
public final class SpecLoader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SpecLoader() {}

    /** Loads {@code bundle/config.json}. */
    public static Spec load(Path bundle) {
        Path file = bundle.resolve("config.json");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OcirunException("bundle " + bundle + " has no config.json");
        } catch (IOException e) {
            throw new OcirunException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(bytes);
    }

    public static Spec parse(String json) {
        return parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static Spec parse(byte[] json) {
        try {
            Spec spec = MAPPER.readValue(json, Spec.class);
            if (spec == null) {
                throw new OcirunException("invalid config.json: the document is null");
            }
            return spec;
        } catch (JsonMappingException e) {
            throw new OcirunException("invalid config.json: " + pointer(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (JsonParseException e) {
            throw new OcirunException("invalid config.json: " + firstLine(e.getOriginalMessage())
                    + " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr());
        } catch (JsonProcessingException e) {
            throw new OcirunException("invalid config.json: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new OcirunException("cannot read config.json: " + e.getMessage());
        }
    }

    /** The JSON pointer (RFC 6901) of the value a mapping error is about. */
    static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            sb.append('/');
            if (ref.getFieldName() != null) {
                sb.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                sb.append(ref.getIndex());
            }
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
