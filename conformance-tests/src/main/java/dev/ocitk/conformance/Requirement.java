package dev.ocitk.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The catalogue IDs (see {@code src/main/resources/requirements/}) a conformance test checks. Every conformance
 * test carries at least one; an ID missing from the catalogue fails the test as a suite error. The IDs' level and
 * spec version decide how a failure is judged (failure, warning, newer than declared).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requirement {
    String[] value();
}
