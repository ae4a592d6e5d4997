package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.OcirunException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * runc-style argument parsing: {@code --name value}, {@code --name=value}, single-dash long names
 * ({@code -root}, as Go's flag package allows) and short aliases; flags may come before, between or
 * after positionals, and {@code --} ends flags. Picocli would be the obvious choice, but its class
 * files target Java 5, which AppCDS cannot archive, and every ocirun verb would pay ~200 ms loading
 * and verifying them; this parser is a few dozen classes-worth less.
 */
public final class ArgParser {

    /** One option: its names (first is canonical), whether it takes a value, its default. */
    public record Opt(List<String> names, String valueLabel, String defaultValue, String help) {
        public boolean takesValue() {
            return valueLabel != null;
        }

        public String canonical() {
            return names.get(0);
        }
    }

    public static Opt flag(String help, String... names) {
        return new Opt(List.of(names), null, null, help);
    }

    public static Opt value(String label, String defaultValue, String help, String... names) {
        return new Opt(List.of(names), label, defaultValue, help);
    }

    /** A verb's (or the global) syntax: options, positional names, how many positionals are required. */
    public record Syntax(String name, String summary, List<Opt> options, List<String> positionals, int required) {}

    /** Parsed arguments. */
    public static final class Parsed {
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, Boolean> flags = new HashMap<>();
        private final List<String> positionals = new ArrayList<>();
        private final Syntax syntax;

        Parsed(Syntax syntax) {
            this.syntax = syntax;
        }

        public String value(String canonical) {
            String v = values.get(canonical);
            if (v != null) {
                return v;
            }
            for (Opt o : syntax.options()) {
                if (o.canonical().equals(canonical)) {
                    return o.defaultValue();
                }
            }
            throw new IllegalArgumentException("no option " + canonical);
        }

        public boolean flag(String canonical) {
            return flags.getOrDefault(canonical, false);
        }

        public List<String> positionals() {
            return positionals;
        }

        public String positional(int i) {
            return i < positionals.size() ? positionals.get(i) : null;
        }

        public int intValue(String canonical) {
            String v = value(canonical);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new UsageException(canonical + " needs a number, got \"" + v + "\"");
            }
        }
    }

    /** A command-line mistake: reported with a hint to --help and exit status 2. */
    public static final class UsageException extends OcirunException {
        public UsageException(String message) {
            super(message, 2);
        }
    }

    private ArgParser() {}

    /**
     * Parses {@code args[from..]} against {@code syntax}. With {@code stopAtPositional} (the global
     * options) parsing ends at the first positional, whose index is returned through {@code next[0]}.
     */
    public static Parsed parse(Syntax syntax, String[] args, int from, boolean stopAtPositional, int[] next) {
        Map<String, Opt> byName = new LinkedHashMap<>();
        for (Opt o : syntax.options()) {
            for (String n : o.names()) {
                byName.put(n, o);
            }
        }
        Parsed p = new Parsed(syntax);
        int i = from;
        boolean onlyPositionals = false;
        for (; i < args.length; i++) {
            String a = args[i];
            if (!onlyPositionals && a.equals("--")) {
                onlyPositionals = true;
                continue;
            }
            if (onlyPositionals || !a.startsWith("-") || a.equals("-")) {
                if (stopAtPositional) {
                    break;
                }
                p.positionals.add(a);
                continue;
            }
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            Opt o = byName.get(name);
            if (o == null && !name.startsWith("--") && name.length() > 2) {
                o = byName.get("-" + name); // Go flag style: -root means --root
            }
            if (o == null) {
                throw new UsageException("unknown option " + name + (syntax.name().isEmpty() ? "" : " for " + syntax.name()));
            }
            if (o.takesValue()) {
                if (inline == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(o.canonical() + " needs a value (" + o.valueLabel() + ")");
                    }
                    inline = args[++i];
                }
                p.values.put(o.canonical(), inline);
            } else {
                if (inline != null && !inline.equals("true") && !inline.equals("false")) {
                    throw new UsageException(o.canonical() + " takes no value");
                }
                p.flags.put(o.canonical(), inline == null || inline.equals("true"));
            }
        }
        if (next != null) {
            next[0] = i;
        }
        if (!stopAtPositional) {
            if (p.positionals.size() < syntax.required()) {
                throw new UsageException(syntax.name() + " needs " + String.join(" ", syntax.positionals().subList(
                        p.positionals.size(), syntax.required())));
            }
            if (p.positionals.size() > syntax.positionals().size()) {
                throw new UsageException("unexpected argument \"" + p.positionals.get(syntax.positionals().size())
                        + "\" for " + syntax.name());
            }
        }
        return p;
    }

    /** Usage text for one syntax. */
    public static String usage(String program, Syntax s) {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: ").append(program).append(s.name().isEmpty() ? "" : " " + s.name());
        if (!s.options().isEmpty()) {
            sb.append(" [options]");
        }
        for (int i = 0; i < s.positionals().size(); i++) {
            String pos = s.positionals().get(i);
            sb.append(' ').append(i < s.required() ? pos : "[" + pos + "]");
        }
        sb.append("\n  ").append(s.summary()).append('\n');
        for (Opt o : s.options()) {
            String names = String.join(", ", o.names()) + (o.takesValue() ? " " + o.valueLabel() : "");
            sb.append(String.format("    %-28s %s%s%n", names, o.help(),
                    o.defaultValue() == null ? "" : " (default: " + o.defaultValue() + ")"));
        }
        return sb.toString();
    }
}
