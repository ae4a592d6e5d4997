package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.OcirunException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code spec [--bundle DIR]}: writes a default config.json for a rootfs in DIR/rootfs, like runc spec. */
@Command(name = "spec", description = "Write a default config.json into the bundle directory.")
public final class SpecCommand extends Verb {
    @Option(names = {"-b", "--bundle"}, paramLabel = "DIR", defaultValue = ".", description = "bundle directory (default: current)")
    Path bundle;

    @Override
    int run() {
        Path target = bundle.resolve("config.json");
        try (InputStream in = SpecCommand.class.getResourceAsStream("/dev/ocitk/ocirun/default-config.json")) {
            if (in == null) {
                throw new OcirunException("default config missing from the ocirun jar");
            }
            Files.write(target, in.readAllBytes(), java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new OcirunException(target + " exists: remove it first");
        } catch (IOException e) {
            throw new OcirunException("cannot write " + target + ": " + e.getMessage());
        }
        return 0;
    }
}
