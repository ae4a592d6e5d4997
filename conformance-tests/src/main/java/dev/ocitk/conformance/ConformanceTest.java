package dev.ocitk.conformance;

import dev.ocitk.conformance.junit.ConformanceExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A conformance test: a JUnit {@link Test} tagged {@code conformance} and run with {@link ConformanceExtension},
 * which resolves {@link RuntimeUnderTest} parameters, removes the test's containers afterwards, fails the test on
 * leaks and judges failures against the catalogue and the runtime's baseline. Pair it with {@link Requirement}.
 * For parameterized tests put {@code @ExtendWith(ConformanceExtension.class)} on the class instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Test
@Tag("conformance")
@ExtendWith(ConformanceExtension.class)
public @interface ConformanceTest {
}
