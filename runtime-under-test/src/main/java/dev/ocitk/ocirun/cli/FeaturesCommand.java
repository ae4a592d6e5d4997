package dev.ocitk.ocirun.cli;

import dev.ocitk.ocirun.features.Features;

import java.util.List;

/** {@code features}: prints the features document (features.md). */
public final class FeaturesCommand implements Verb {
    @Override
    public ArgParser.Syntax syntax() {
        return new ArgParser.Syntax("features", "Print the features document (features.md).", List.of(), List.of(), 0);
    }

    @Override
    public int run(Globals g, ArgParser.Parsed a) {
        System.out.println(Features.json());
        return 0;
    }
}
