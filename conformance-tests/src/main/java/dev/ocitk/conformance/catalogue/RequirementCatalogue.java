package dev.ocitk.conformance.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every testable requirement, merged from one YAML file per area under {@code requirements/} on the class path
 * ({@code requirements/runtime.yaml}, {@code requirements/hooks.yaml}, ...). One file per area lets several people
 * add requirements without editing the same file. See HARNESS.md for the entry format.
 */
public final class RequirementCatalogue {

    /** Class-path folder holding the area files. */
    public static final String RESOURCE_DIR = "requirements";

    private static final Pattern AREA = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");
    private static final Pattern SPEC = Pattern.compile("[a-z][a-z0-9-]*\\.md#[a-z0-9][a-z0-9-]*");
    private static final Set<String> KEYS = Set.of("id", "level", "spec", "since", "summary", "ambiguous");

    private final Map<String, CatalogueEntry> entries;

    private RequirementCatalogue(Map<String, CatalogueEntry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** Loads and merges every {@code requirements/*.yaml} visible to {@code loader}. */
    public static RequirementCatalogue load(ClassLoader loader) {
        return parse(readAreaFiles(loader));
    }

    /** Parses area files given as file name (e.g. {@code runtime.yaml}) to YAML text; reports all problems at once. */
    public static RequirementCatalogue parse(Map<String, String> files) {
        List<String> problems = new ArrayList<>();
        Map<String, CatalogueEntry> merged = new TreeMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            String name = file.getKey();
            JsonNode root;
            try {
                root = yaml.readTree(file.getValue());
            } catch (IOException e) {
                problems.add(name + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            parseFile(name, root, problems).forEach(entry -> {
                String previous = origin.putIfAbsent(entry.id(), name);
                if (previous != null) {
                    problems.add(name + ": " + entry.id() + " is already defined in " + previous);
                } else {
                    merged.put(entry.id(), entry);
                }
            });
        }
        if (files.isEmpty()) {
            problems.add("no requirement files found under " + RESOURCE_DIR + "/");
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return new RequirementCatalogue(merged);
    }

    private static List<CatalogueEntry> parseFile(String name, JsonNode root, List<String> problems) {
        List<CatalogueEntry> out = new ArrayList<>();
        String expectedArea = name.replaceFirst("\\.ya?ml$", "");
        if (root == null || !root.isObject()) {
            problems.add(name + ": expected a mapping with 'area' and 'requirements'");
            return out;
        }
        String area = root.path("area").asText("");
        if (!AREA.matcher(area).matches() || !area.equals(expectedArea)) {
            problems.add(name + ": 'area' must be '" + expectedArea + "' (the file name), found '" + area + "'");
            return out;
        }
        JsonNode list = root.path("requirements");
        if (!list.isArray()) {
            problems.add(name + ": 'requirements' must be a list");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String where = name + " entry " + (i + 1);
            if (!node.isObject()) {
                problems.add(where + ": expected a mapping");
                continue;
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!KEYS.contains(key)) {
                    problems.add(where + ": unknown key '" + key + "' (known: " + new TreeSet<>(KEYS) + ")");
                }
            }
            String id = node.path("id").asText("");
            if (!ID.matcher(id).matches() || !id.startsWith(area + ".")) {
                problems.add(where + ": id '" + id + "' must look like '" + area + ".<subject>.<rule>' (lower case, dots, dashes)");
                continue;
            }
            where = name + " " + id;
            RequirementLevel level = null;
            try {
                level = RequirementLevel.valueOf(node.path("level").asText(""));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": level must be MUST, SHOULD or MAY, found '" + node.path("level").asText("") + "'");
            }
            String spec = node.path("spec").asText("");
            if (!SPEC.matcher(spec).matches()) {
                problems.add(where + ": spec must be '<file>.md#<github-anchor>', found '" + spec + "'");
            }
            SpecVersion since = null;
            try {
                since = SpecVersion.parse(node.path("since").asText(""));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": since: " + e.getMessage());
            }
            String summary = node.path("summary").asText("").trim();
            if (summary.isEmpty()) {
                problems.add(where + ": summary is missing");
            }
            JsonNode ambiguous = node.path("ambiguous");
            if (!ambiguous.isMissingNode() && !ambiguous.isBoolean()) {
                problems.add(where + ": ambiguous must be true or false");
            }
            if (level != null && since != null && SPEC.matcher(spec).matches() && !summary.isEmpty()) {
                out.add(new CatalogueEntry(id, area, level, spec, since, summary, ambiguous.asBoolean(false)));
            }
        }
        return out;
    }

    public Optional<CatalogueEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** The entry for {@code id}, or a {@link CatalogueException} naming the unknown ID and where it was used. */
    public CatalogueEntry require(String id, String usedBy) {
        CatalogueEntry entry = entries.get(id);
        if (entry == null) {
            String area = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
            throw new CatalogueException(List.of("unknown requirement id '" + id + "' used by " + usedBy
                    + ": add it to src/main/resources/" + RESOURCE_DIR + "/" + area + ".yaml"));
        }
        return entry;
    }

    /** Every entry, sorted by ID. */
    public Collection<CatalogueEntry> entries() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }

    private static Map<String, String> readAreaFiles(ClassLoader loader) {
        Map<String, String> files = new TreeMap<>();
        try {
            Enumeration<URL> dirs = loader.getResources(RESOURCE_DIR);
            while (dirs.hasMoreElements()) {
                URL url = dirs.nextElement();
                if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> list = Files.list(Path.of(url.toURI()))) {
                        for (Path p : list.filter(RequirementCatalogue::isYaml).toList()) {
                            putOnce(files, p.getFileName().toString(), Files.readString(p), url);
                        }
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry e : Collections.list(jar.entries())) {
                            String n = e.getName();
                            if (n.startsWith(RESOURCE_DIR + "/") && n.indexOf('/', RESOURCE_DIR.length() + 1) < 0
                                    && isYaml(Path.of(n))) {
                                try (InputStream in = jar.getInputStream(e)) {
                                    putOnce(files, n.substring(RESOURCE_DIR.length() + 1),
                                            new String(in.readAllBytes(), StandardCharsets.UTF_8), url);
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the requirement catalogue: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad class-path URL for " + RESOURCE_DIR + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static void putOnce(Map<String, String> files, String name, String text, URL where) {
        if (files.putIfAbsent(name, text) != null) {
            throw new CatalogueException(List.of(RESOURCE_DIR + "/" + name + " appears twice on the class path (again in " + where + ")"));
        }
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
