package dev.ocitk.validator.internal.rules;

import dev.ocitk.validator.Rule;

import java.util.List;

/**
 * The semantic checks of one area of the spec (process, mounts, hooks, ...).
 *
 * <p>A rule set reads the document through its {@link CheckContext} and reports findings for the rules it declares.
 * It runs after the schema, on documents the schema may have rejected, so it must never assume a field has the
 * type the schema requires: a field of the wrong type is the schema's finding, not a reason to throw.
 */
public interface RuleSet {

    /** Every rule this set can report (they make up the catalogue). */
    List<Rule> rules();

    void check(CheckContext ctx);
}
