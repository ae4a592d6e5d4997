package dev.ocitk.ocirun.init;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InitLauncherTest {
    @Test
    void theLaunchersJvmOptionsAreSplitOnAnyRunOfBlanks() {
        String before = System.getProperty("ocirun.jvm.options");
        System.setProperty("ocirun.jvm.options", "  -Xint \t -XX:+UseSerialGC\n-Dfile.encoding=UTF-8  ");
        try {
            List<String> argv = InitLauncher.argv(7);
            assertThat(argv.subList(0, 4)).containsExactly(InitLauncher.javaBinary(), "-Xint", "-XX:+UseSerialGC",
                    "-Dfile.encoding=UTF-8");
            assertThat(argv.subList(argv.size() - 2, argv.size())).containsExactly(InitMain.class.getName(), "7");
        } finally {
            if (before == null) {
                System.clearProperty("ocirun.jvm.options");
            } else {
                System.setProperty("ocirun.jvm.options", before);
            }
        }
    }

    @Test
    void withoutTheLauncherTheDefaultOptionsApply() {
        String before = System.getProperty("ocirun.jvm.options");
        System.clearProperty("ocirun.jvm.options");
        try {
            List<String> argv = InitLauncher.argv(3);
            assertThat(argv.subList(1, 1 + InitLauncher.DEFAULT_OPTIONS.size())).isEqualTo(InitLauncher.DEFAULT_OPTIONS);
        } finally {
            if (before != null) {
                System.setProperty("ocirun.jvm.options", before);
            }
        }
    }
}
