package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.features.Features;
import picocli.CommandLine.Command;

/** {@code features}: prints the features document (features.md). */
@Command(name = "features", description = "Print the features document (features.md).")
public final class FeaturesCommand extends Verb {
    @Override
    int run() {
        System.out.println(Features.json());
        return 0;
    }
}
