package dev.ocitk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocitk.validator.internal.json.Pointers;
import dev.ocitk.validator.testing.Fixtures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutated versions of valid documents: delete, replace and retype nodes, add members (some misspelled), wrap
 * nodes in deep nesting. Whatever comes out, validation returns (no exception), and every finding is well formed:
 * a catalogued rule at its catalogued level, one line of message, and a pointer that resolves in the document.
 */
class MutationPropertyTest {

    private static final OciValidator VALIDATOR = OciValidator.create();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, Rule> RULES = OciValidator.rules().stream()
            .collect(Collectors.toMap(Rule::id, r -> r));
    private static final List<String> BASES = List.of("config/linux", "config/linux-full", "config/minimal",
            "config/windows", "config/windows-hyperv", "config/vm", "config/solaris", "config/zos", "config/freebsd",
            "state/running", "state/stopped", "features/full", "features/runc-1.1.5");

    /** One edit; {@code choice} picks the node it applies to among the document's nodes. */
    enum Kind { DELETE, REPLACE, RETYPE, ADD_MEMBER, NEST, DUPLICATE_ELEMENT }

    record Mutation(Kind kind, int choice, JsonNode value, String name, int depth) {
    }

    @Provide
    Arbitrary<String> bases() {
        return Arbitraries.of(BASES);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.of(Kind.values()),
                Arbitraries.integers().between(0, 10_000),
                values(),
                names(),
                Arbitraries.integers().between(1, 700)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    private Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.of("readOnly", "Args", "cwd ", "enviroment", "mounts", "hostName", "linuxx",
                        "org.opencontainers.x", "", "a/b~c", "net.ipv4.ip_forward", "CAP_SYS_ADMIN"),
                Arbitraries.strings().ofMaxLength(12));
    }

    private Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(NODES::textNode),
                Arbitraries.of("/", "rootfs", "", "../../etc", "0-3,7", "1.0.2-dev", "2.0.0", "rw", "CAP_KILL",
                        "SCMP_ACT_NOTIFY", "bind", "idmap", "c", "L3:\n", "x".repeat(5000)).map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(-1L, 0L, 1L, 1000L, 1001L, 0777L, Long.MAX_VALUE, Long.MIN_VALUE).map(NODES::numberNode),
                Arbitraries.just(NODES.numberNode(new BigInteger("18446744073709551616"))),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        return Arbitraries.oneOf(scalars,
                scalars.list().ofMaxSize(4).map(list -> {
                    ArrayNode a = NODES.arrayNode();
                    list.forEach(a::add);
                    return a;
                }),
                Combinators.combine(names(), scalars).as((k, v) -> {
                    ObjectNode o = NODES.objectNode();
                    o.set(k, v);
                    return o;
                }));
    }

    @Property(tries = 600)
    void validationNeverThrowsAndFindingsAreWellFormed(@ForAll("bases") String base,
                                                       @ForAll("mutations") List<Mutation> mutations) {
        JsonNode doc = Fixtures.load(base);
        for (Mutation m : mutations) {
            doc = apply(doc, m);
        }
        String text = Fixtures.compact(doc);
        ValidationReport report = switch (base.substring(0, base.indexOf('/'))) {
            case "config" -> VALIDATOR.validateConfig(text);
            case "state" -> VALIDATOR.validateState(text);
            default -> VALIDATOR.validateFeatures(text);
        };
        JsonNode parsed = doc;
        assertThat(report.findings()).allSatisfy(f -> {
            assertThat(RULES).containsKey(f.ruleId());
            assertThat(f.level()).isEqualTo(RULES.get(f.ruleId()).level());
            assertThat(f.message()).isNotBlank().doesNotContain("\n");
            assertThat(Pointers.resolve(parsed, f.pointer())).as("pointer %s resolves", f.pointer()).isNotNull();
        });
    }

    /** Every node of the document with its pointer, in document order. */
    private static List<Tuple.Tuple2<String, JsonNode>> nodes(JsonNode root) {
        List<Tuple.Tuple2<String, JsonNode>> out = new ArrayList<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode node, String pointer, List<Tuple.Tuple2<String, JsonNode>> out) {
        out.add(Tuple.of(pointer, node));
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), Pointers.child(pointer, e.getKey()), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), Pointers.child(pointer, i), out);
            }
        }
    }

    private static JsonNode apply(JsonNode doc, Mutation m) {
        List<Tuple.Tuple2<String, JsonNode>> all = nodes(doc);
        Tuple.Tuple2<String, JsonNode> target = all.get(m.choice() % all.size());
        String pointer = target.get1();
        JsonNode node = target.get2();
        switch (m.kind()) {
            case DELETE -> {
                if (pointer.isEmpty()) {
                    return doc;
                }
                Fixtures.remove(doc, pointer);
            }
            case REPLACE -> {
                return replace(doc, pointer, m.value());
            }
            case RETYPE -> {
                return replace(doc, pointer, retype(node, new Random(m.choice())));
            }
            case ADD_MEMBER -> {
                if (node.isObject()) {
                    ((ObjectNode) node).set(m.name(), m.value());
                } else if (node.isArray()) {
                    ((ArrayNode) node).add(m.value());
                }
            }
            case NEST -> {
                JsonNode nested = node;
                for (int i = 0; i < m.depth(); i++) {
                    nested = NODES.arrayNode().add(nested);
                }
                return replace(doc, pointer, nested);
            }
            case DUPLICATE_ELEMENT -> {
                if (node.isArray() && !node.isEmpty()) {
                    ((ArrayNode) node).add(node.get(0).deepCopy());
                }
            }
        }
        return doc;
    }

    private static JsonNode replace(JsonNode doc, String pointer, JsonNode value) {
        if (pointer.isEmpty()) {
            return value;
        }
        Fixtures.set(doc, pointer, value.deepCopy());
        return doc;
    }

    private static JsonNode retype(JsonNode node, Random random) {
        if (node.isTextual()) {
            return random.nextBoolean() ? NODES.numberNode(node.textValue().length()) : NODES.arrayNode().add(node);
        }
        if (node.isNumber()) {
            return random.nextBoolean() ? NODES.textNode(node.asText()) : NODES.numberNode(-node.asLong() - 1);
        }
        if (node.isBoolean()) {
            return NODES.textNode(node.asText());
        }
        if (node.isArray()) {
            return node.isEmpty() ? NODES.objectNode() : node.get(0);
        }
        if (node.isObject()) {
            ArrayNode a = NODES.arrayNode();
            node.elements().forEachRemaining(a::add);
            return a;
        }
        return NODES.textNode("null");
    }
}
