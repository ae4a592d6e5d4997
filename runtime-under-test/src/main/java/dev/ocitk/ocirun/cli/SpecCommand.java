package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.OcirunException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.ocitk.ocirun.cli.ArgParser.value;

/** {@code spec [--bundle DIR]}: writes a default config.json for a rootfs in DIR/rootfs, like runc spec. */
public final class SpecCommand implements Verb {
    @Override
    public ArgParser.Syntax syntax() {
        return new ArgParser.Syntax("spec", "Write a default config.json (rootfs in ./rootfs) into the bundle directory.",
                List.of(value("DIR", ".", "bundle directory", "--bundle", "-b")), List.of(), 0);
    }

    @Override
    public int run(Globals g, ArgParser.Parsed a) {
        Path target = Path.of(a.value("--bundle")).resolve("config.json");
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
