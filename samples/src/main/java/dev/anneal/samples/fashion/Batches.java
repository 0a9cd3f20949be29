package dev.anneal.samples.fashion;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.anneal.samples.data.Split;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Copies examples of a {@link Split} into DJL arrays: images {@code n x 1 x rows x cols}, labels {@code n}. */
public final class Batches {
  private Batches() {}

  public static NDList images(NDManager manager, Split split, int[] order, int from, int to) {
    int pixels = split.pixels();
    float[] buffer = new float[(to - from) * pixels];
    for (int i = from; i < to; i++) {
      System.arraycopy(split.images(), order[i] * pixels, buffer, (i - from) * pixels, pixels);
    }
    return new NDList(manager.create(buffer, new Shape(to - from, 1, split.rows(), split.cols())));
  }

  /** Class indices as int64, what PyTorch's CrossEntropyLoss takes (DJL's softmax cross entropy reads them too). */
  public static NDList labels(NDManager manager, Split split, int[] order, int from, int to) {
    long[] labels = new long[to - from];
    for (int i = from; i < to; i++) {
      labels[i - from] = split.labels()[order[i]];
    }
    return new NDList(manager.create(labels, new Shape(to - from)));
  }

  /**
   * The split's images in order, {@code batchSize} at a time, as {@code UpdateBn} reads a loader:
   * each batch lives in a sub-manager of {@code manager}, closed when the next one is asked for
   * (the last one closes with {@code manager}), so one batch at a time is held.
   */
  public static Iterable<NDList> inOrder(NDManager manager, Split split, int batchSize) {
    int[] identity = new int[split.count()];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    return () -> new Iterator<>() {
      private int from;
      private NDManager current;

      @Override
      public boolean hasNext() {
        return from < split.count();
      }

      @Override
      public NDList next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (current != null) {
          current.close();
        }
        current = manager.newSubManager();
        int to = Math.min(split.count(), from + batchSize);
        NDList batch = images(current, split, identity, from, to);
        from = to;
        return batch;
      }
    };
  }
}
