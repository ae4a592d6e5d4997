package dev.ocitk.conformance.bundle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One entry of config.md#mounts.
 *
 * @param type    file-system type; empty to leave {@code type} out (allowed for bind mounts)
 * @param source  device, host path or pseudo source; empty to leave it out
 * @param options mount options in the order they are written
 */
public record Mount(String destination, Optional<String> type, Optional<String> source, List<String> options) {

    public Mount {
        options = List.copyOf(options);
    }

    public static Mount of(String destination, String type, String source, String... options) {
        return new Mount(destination, Optional.of(type), Optional.of(source), List.of(options));
    }

    /** A bind mount of a host path; {@code options} come after {@code rbind} (e.g. {@code ro}). */
    public static Mount bind(Path hostPath, String destination, String... options) {
        List<String> all = new java.util.ArrayList<>(List.of("rbind"));
        all.addAll(List.of(options));
        return new Mount(destination, Optional.of("bind"), Optional.of(hostPath.toString()), all);
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("destination", destination);
        type.ifPresent(t -> n.put("type", t));
        source.ifPresent(s -> n.put("source", s));
        if (!options.isEmpty()) {
            options.forEach(n.putArray("options")::add);
        }
        return n;
    }
}
