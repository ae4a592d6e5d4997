/**
 * What JNA's logging calls reach inside ocirun.jar: the build relocates JNA's references to
 * {@code java.util.logging} here (maven-shade-plugin, runtime-under-test/pom.xml), so that no ocirun
 * JVM initialises java.util.logging, whose LogManager set-up cost create and the init ~13 ms each
 * interpreted (measured; README, "Start-up cost"). Only the part of the API JNA 5.19 uses exists.
 * Warnings go to ocirun's own log, finer levels to its debug output.
 */
package dev.ocitk.ocirun.linux.jnalog;
