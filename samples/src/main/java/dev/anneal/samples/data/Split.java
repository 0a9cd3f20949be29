package dev.anneal.samples.data;

import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Images and labels held in memory: images as normalized floats, {@code count x 1 x 28 x 28} in
 * row-major order, labels 0-9.
 */
public record Split(String name, float[] images, int[] labels, int rows, int cols) {
  /** Fashion-MNIST's pixel mean and standard deviation (of the 60,000 training images, scaled to [0, 1]). */
  public static final float MEAN = 0.2860f;
  public static final float STD = 0.3530f;

  public int count() {
    return labels.length;
  }

  public int pixels() {
    return rows * cols;
  }

  /** The examples whose label passes {@code keep}, in order. */
  public Split filter(String newName, IntPredicate keep) {
    int kept = 0;
    for (int label : labels) {
      if (keep.test(label)) {
        kept++;
      }
    }
    float[] outImages = new float[kept * pixels()];
    int[] outLabels = new int[kept];
    int j = 0;
    for (int i = 0; i < labels.length; i++) {
      if (keep.test(labels[i])) {
        System.arraycopy(images, i * pixels(), outImages, j * pixels(), pixels());
        outLabels[j++] = labels[i];
      }
    }
    return new Split(newName, outImages, outLabels, rows, cols);
  }

  /** The same examples with {@code offset} subtracted from every label (classes 5-9 as 0-4). */
  public Split shiftLabels(int offset) {
    int[] shifted = labels.clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] -= offset;
    }
    return new Split(name, images, shifted, rows, cols);
  }

  /** Splits off the last {@code fraction} of a shuffled copy (fixed seed): {first, second}. */
  public Split[] holdOut(double fraction, long seed) {
    int[] order = shuffledOrder(seed);
    int second = (int) Math.round(count() * fraction);
    int first = count() - second;
    return new Split[] {pick(name + "-train", order, 0, first), pick(name + "-validation", order, first, count())};
  }

  /** A permutation of the example indices, reproducible from the seed. */
  public int[] shuffledOrder(long seed) {
    int[] order = new int[count()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[k];
      order[k] = t;
    }
    return order;
  }

  private Split pick(String newName, int[] order, int from, int to) {
    float[] outImages = new float[(to - from) * pixels()];
    int[] outLabels = new int[to - from];
    for (int i = from; i < to; i++) {
      System.arraycopy(images, order[i] * pixels(), outImages, (i - from) * pixels(), pixels());
      outLabels[i - from] = labels[order[i]];
    }
    return new Split(newName, outImages, outLabels, rows, cols);
  }
}
