package dev.ocitk.conformance.verdict;

import java.lang.reflect.Method;

/** Stable test IDs for baselines and results: {@code <package below dev.ocitk.conformance>.<Class>#<method>}. */
public final class TestId {

    public static final String BASE_PACKAGE = "dev.ocitk.conformance.";

    private TestId() {
    }

    public static String of(Class<?> testClass, Method method) {
        return of(testClass.getName(), method.getName());
    }

    public static String of(String className, String methodName) {
        String c = className.startsWith(BASE_PACKAGE) ? className.substring(BASE_PACKAGE.length()) : className;
        return c + "#" + methodName;
    }

    /** The fully qualified class name of a test ID. */
    public static String className(String testId) {
        String c = testId.substring(0, testId.indexOf('#'));
        return c.startsWith("dev.") ? c : BASE_PACKAGE + c;
    }

    public static String methodName(String testId) {
        return testId.substring(testId.indexOf('#') + 1);
    }
}
