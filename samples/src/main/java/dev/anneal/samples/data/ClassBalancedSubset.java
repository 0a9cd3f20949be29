package dev.anneal.samples.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Few-shot training sets: the same number of examples of every class of a split, drawn
 * reproducibly from a seed. Each class's examples are shuffled by a generator seeded from the
 * seed and the class, and the first {@code perClass} are taken: the same seed gives the same
 * images, and for one seed a smaller set is part of a larger one (10 per class within 20 within 50).
 */
public final class ClassBalancedSubset {
  private ClassBalancedSubset() {}

  /**
   * {@code perClass} examples of each label in {@code split}, class by class (0 first) in the
   * shuffled order; an error when a class has fewer.
   */
  public static Split draw(Split split, int perClass, long seed) {
    if (perClass < 1) {
      throw new IllegalArgumentException("images per class must be at least 1, was " + perClass);
    }
    TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
    for (int i = 0; i < split.count(); i++) {
      byClass.computeIfAbsent(split.labels()[i], label -> new ArrayList<>()).add(i);
    }
    int pixels = split.pixels();
    float[] images = new float[byClass.size() * perClass * pixels];
    int[] labels = new int[byClass.size() * perClass];
    int next = 0;
    for (var entry : byClass.entrySet()) {
      int label = entry.getKey();
      List<Integer> indices = entry.getValue();
      if (indices.size() < perClass) {
        throw new IllegalArgumentException(split.name() + " holds " + indices.size() + " images of class " + label + ", fewer than the "
            + perClass + " per class asked for");
      }
      int[] order = shuffled(indices, new Random(seed * 1_000_003L + label));
      for (int k = 0; k < perClass; k++) {
        System.arraycopy(split.images(), order[k] * pixels, images, next * pixels, pixels);
        labels[next++] = label;
      }
    }
    return new Split(split.name() + "-" + perClass + "-per-class-seed-" + seed, images, labels, split.rows(), split.cols());
  }

  private static int[] shuffled(List<Integer> indices, Random random) {
    int[] order = indices.stream().mapToInt(Integer::intValue).toArray();
    for (int i = order.length - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[k];
      order[k] = t;
    }
    return order;
  }
}
