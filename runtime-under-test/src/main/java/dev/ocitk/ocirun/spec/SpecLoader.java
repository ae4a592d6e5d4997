package dev.ocitk.ocirun.spec;

import dev.ocitk.ocirun.OcirunException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads config.json into a {@link Spec}, keeping the bytes: create hands exactly these bytes to the
 * container's init, so an edit to the file after create cannot reach the container (runtime.md#create).
 */
public final class SpecLoader {
    public static final String DOCUMENT = "config.json";

    /** A parsed config and the bytes it was parsed from. */
    public record Loaded(Spec spec, byte[] bytes) {}

    private SpecLoader() {}

    /** Loads {@code bundle/config.json}. */
    public static Loaded load(Path bundle) {
        Path file = bundle.resolve("config.json");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OcirunException("bundle " + bundle + " has no config.json");
        } catch (IOException e) {
            throw new OcirunException("cannot read " + file + ": " + e.getMessage());
        }
        return new Loaded(parse(bytes), bytes);
    }

    public static Spec parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    public static Spec parse(byte[] json) {
        return SpecReader.read(Json.parse(json, DOCUMENT));
    }
}
