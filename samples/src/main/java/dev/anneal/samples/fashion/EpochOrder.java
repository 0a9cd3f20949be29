package dev.anneal.samples.fashion;

import dev.anneal.samples.data.Split;

/**
 * Which examples of a training split an epoch visits, in which order: one shuffled pass (the last
 * mini-batch possibly short), or, for a few-shot set, exactly {@code batches} full mini-batches
 * from consecutive passes, each pass shuffled anew and the last one used in part. Every shuffle is
 * seeded by the seed, the epoch and the pass, so a run is reproducible and resumable mid-epoch.
 */
public record EpochOrder(Split train, int batchSize, long batches, int passes, long seed) {
  public EpochOrder {
    if (batchSize < 1 || batches < 1 || passes < 1) {
      throw new IllegalArgumentException("batch size, batches and passes must be at least 1, were " + batchSize + ", " + batches
          + ", " + passes);
    }
  }

  /** One pass per epoch: {@code ceil(count / batchSize)} mini-batches. */
  public static EpochOrder onePass(Split train, int batchSize, long seed) {
    return new EpochOrder(train, batchSize, ClassifierTraining.stepsPerEpoch(train.count(), batchSize), 1, seed);
  }

  /** Exactly {@code batches} full mini-batches per epoch, from as many passes as they need. */
  public static EpochOrder repeating(Split train, int batchSize, int batches, long seed) {
    long examples = (long) batches * batchSize;
    return new EpochOrder(train, batchSize, batches, (int) ((examples + train.count() - 1) / train.count()), seed);
  }

  /** The example indices of {@code epoch}: its passes' shuffles one after another, cut to the epoch's batches. */
  public int[] of(int epoch) {
    int examples = (int) Math.min((long) passes * train.count(), batches * batchSize);
    int[] order = new int[examples];
    for (int pass = 0, at = 0; at < examples; pass++) {
      // with one pass: seed * 1_000_003 + epoch + 1, the shuffle the samples always used
      int[] shuffle = train.shuffledOrder(seed * 1_000_003L + (long) epoch * passes + pass + 1);
      int take = Math.min(shuffle.length, examples - at);
      System.arraycopy(shuffle, 0, order, at, take);
      at += take;
    }
    return order;
  }
}
