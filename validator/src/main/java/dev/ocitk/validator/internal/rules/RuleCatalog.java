package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Rule;
import dev.ocitk.validator.internal.DocumentKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which rule sets check which document, and the catalogue of every rule. */
public final class RuleCatalog {

    private static final List<RuleSet> CONFIG = List.of(
            new VersionRules(),
            new RootRules(),
            new ProcessRules(),
            new CapabilityRules(),
            new MountRules(),
            new HookRules(),
            new AnnotationRules(),
            new NamespaceRules(),
            new IdMappingRules(),
            new LinuxRules(),
            new ResourceRules(),
            new SeccompRules(),
            new TypoRules());

    private static final List<RuleSet> STATE = List.of(
            new VersionRules(),
            new StateRules(),
            new AnnotationRules(),
            new TypoRules());

    private static final List<RuleSet> FEATURES = List.of(
            new VersionRules(),
            new FeaturesRules());

    /** Checks that need the bundle on disk; they run after the config rules, only in lintBundle. */
    private static final List<RuleSet> BUNDLE = List.of(new BundleRules());

    /** Rules reported outside any rule set (reading input, schema validation). */
    private static final List<RuleSet> REPORTED_ELSEWHERE = List.of(new InputRules(), new SchemaRules());

    private static final List<Rule> ALL;
    private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

    static {
        List<RuleSet> sets = new ArrayList<>();
        sets.addAll(CONFIG);
        sets.addAll(STATE);
        sets.addAll(FEATURES);
        sets.addAll(BUNDLE);
        sets.addAll(REPORTED_ELSEWHERE);
        for (RuleSet set : sets) {
            for (Rule rule : set.rules()) {
                Rule previous = BY_ID.putIfAbsent(rule.id(), rule);
                if (previous != null && !previous.equals(rule)) {
                    throw new IllegalStateException("two different rules share the ID " + rule.id());
                }
            }
        }
        List<Rule> all = new ArrayList<>(BY_ID.values());
        all.sort(Comparator.comparing(Rule::id));
        ALL = List.copyOf(all);
    }

    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The rule sets that check a document of {@code kind} given as text. */
    public static List<RuleSet> forDocument(DocumentKind kind) {
        return switch (kind) {
            case CONFIG -> CONFIG;
            case STATE -> STATE;
            case FEATURES -> FEATURES;
        };
    }

    /** The rule sets that need a bundle on disk. */
    public static List<RuleSet> forBundle() {
        return BUNDLE;
    }
}
