package dev.ocitk.schemas;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/** The fixture documents under {@code src/test/resources/fixtures/}: {@code valid/<document>/*.json} and the invalid cases. */
final class Fixtures {

    /** One valid fixture: which document schema it is an instance of, and its file name. */
    record Valid(OciSchemas.Document document, String file) {
        JsonNode json() {
            return OfflineSchemas.readTestResource(resourcePath(document, file));
        }

        @Override
        public String toString() {
            return directory(document) + "/" + file;
        }
    }

    private Fixtures() {
    }

    static String directory(OciSchemas.Document document) {
        return switch (document) {
            case CONFIG -> "config";
            case STATE -> "state";
            case FEATURES -> "features";
            case CONTAINER_PROCESS_STATE -> "container-process-state";
        };
    }

    static OciSchemas.Document document(String directory) {
        return Stream.of(OciSchemas.Document.values()).filter(d -> directory(d).equals(directory)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no document kind " + directory));
    }

    static String resourcePath(OciSchemas.Document document, String file) {
        return "fixtures/valid/" + directory(document) + "/" + file;
    }

    /** Every valid fixture of one document kind, sorted by name. */
    static List<Valid> valid(OciSchemas.Document document) {
        URL dir = Fixtures.class.getClassLoader().getResource("fixtures/valid/" + directory(document));
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted()
                    .map(n -> new Valid(document, n))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Valid> allValid() {
        return Stream.of(OciSchemas.Document.values()).flatMap(d -> valid(d).stream()).toList();
    }

    /**
     * Applies one JSON-Patch-like operation in place: {@code remove}, or {@code set} (add or replace) of
     * {@code value} at {@code path}. Array paths accept an index or {@code -} to append.
     */
    static void apply(JsonNode root, String op, String path, JsonNode value) {
        JsonPointer pointer = JsonPointer.compile(path);
        JsonNode parent = root.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            if (op.equals("remove")) {
                Objects.requireNonNull(object.remove(last), () -> "nothing to remove at " + path);
            } else {
                object.set(last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (op.equals("remove")) {
                array.remove(Integer.parseInt(last));
            } else if (last.equals("-")) {
                array.add(value);
            } else {
                array.set(Integer.parseInt(last), value);
            }
        } else {
            throw new IllegalArgumentException("no object or array at the parent of " + path);
        }
    }
}
