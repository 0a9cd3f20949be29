package dev.anneal.samples.cli;

import dev.anneal.samples.data.FashionMnist;
import picocli.CommandLine.Option;

/** The options every Fashion-MNIST sample has ({@code @Mixin DataOptions data}): where the data is, and the seed. */
public final class DataOptions {
  @Option(names = "--data", paramLabel = "DIR|slice",
      description = "folder with the four Fashion-MNIST IDX .gz files, or \"" + FashionMnist.SLICE_OPTION + "\" for the slice"
          + " bundled with the samples (default: " + FashionMnist.SYSTEM_DIR + " when installed, else the slice)")
  public String data;

  @Option(names = "--seed", defaultValue = "42", description = "random seed: initialization and shuffling (default: ${DEFAULT-VALUE})")
  public long seed;
}
