package dev.ocitk.ocirun.linux.jnalog;

import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build relocates JNA's java.util.logging references to this package (see package-info): these
 * tests prove that every member JNA uses exists here with the same signature, so no relocated call
 * can fail with NoSuchMethodError, and that no ocirun class uses java.util.logging itself (the
 * relocation would silently redirect it).
 */
class JnaLoggingTest {
    private static final String JUL = "java/util/logging/";

    @Test
    void everyJavaUtilLoggingMemberJnaUsesExistsHereWithTheSameSignature() throws Exception {
        Set<ClassReferences.Ref> used = new LinkedHashSet<>();
        Path jar = Path.of(Native.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (entry.getName().endsWith(".class") && !entry.getName().contains("-")) {
                    try (InputStream in = jf.getInputStream(entry)) {
                        for (ClassReferences.Ref r : ClassReferences.of(in.readAllBytes())) {
                            if (r.owner().startsWith(JUL)) {
                                used.add(r);
                            }
                        }
                    }
                }
            }
        }
        assertThat(used).as("JNA's references to java.util.logging").isNotEmpty();

        List<String> missing = new ArrayList<>();
        for (ClassReferences.Ref r : used) {
            Class<?> here = Class.forName(getClass().getPackageName() + "." + r.owner().substring(JUL.length()));
            String relocated = r.descriptor().replace("L" + JUL, "L" + getClass().getPackageName().replace('.', '/') + "/");
            if (!declares(here, r, relocated)) {
                missing.add(r.owner() + "." + r.name() + r.descriptor());
            }
        }
        assertThat(missing).as("members JNA uses that the relocation target lacks").isEmpty();
    }

    private static boolean declares(Class<?> c, ClassReferences.Ref r, String descriptor) throws NoSuchFieldException {
        if (!r.method()) {
            return Modifier.isPublic(c.getField(r.name()).getModifiers())
                    && descriptor.equals(descriptorOf(c.getField(r.name()).getType()));
        }
        for (Method m : c.getMethods()) {
            if (m.getName().equals(r.name()) && descriptor.equals(descriptorOf(m))) {
                return true;
            }
        }
        return false;
    }

    private static String descriptorOf(Method m) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            sb.append(descriptorOf(p));
        }
        return sb.append(')').append(descriptorOf(m.getReturnType())).toString();
    }

    private static String descriptorOf(Class<?> c) {
        return c.descriptorString();
    }

    @Test
    void noOcirunClassUsesJavaUtilLoggingItself() throws IOException, URISyntaxException {
        Path classes = Path.of(Logger.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> users = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                for (ClassReferences.Ref r : ClassReferences.of(Files.readAllBytes(f))) {
                    if (r.owner().startsWith(JUL)) {
                        users.add(classes.relativize(f) + " -> " + r.owner() + "." + r.name());
                    }
                }
            }
        }
        assertThat(users).isEmpty();
    }

    @Test
    void parametersAreFormattedAsJavaUtilLoggingDoes() {
        assertThat(Logger.format("Looking in {0} for {1}", new Object[] {"/lib", "libc"})).isEqualTo("Looking in /lib for libc");
        assertThat(Logger.format("{1}{0}{2}", new Object[] {"a", "b"})).isEqualTo("ba{2}");
        assertThat(Logger.format("no braces", new Object[] {"x"})).isEqualTo("no braces");
        assertThat(Logger.format("{x} and {", new Object[] {"x"})).isEqualTo("{x} and {");
        assertThat(Logger.format(null, new Object[] {"x"})).isNull();
    }

    @Test
    void onlyWarningsAndWorseAreLoggableWithoutDebugOutput() {
        Logger log = Logger.getLogger("com.sun.jna.Native");
        assertThat(log.isLoggable(Level.SEVERE)).isTrue();
        assertThat(log.isLoggable(Level.WARNING)).isTrue();
        assertThat(log.isLoggable(Level.INFO)).isFalse();
        assertThat(log.isLoggable(Level.FINE)).isFalse();
    }
}
