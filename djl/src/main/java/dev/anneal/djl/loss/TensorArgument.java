package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tensor keyword argument of a loss ({@code weight}, {@code pos_weight}): its values in row-major
 * order and its shape, as PyTorch's {@code torch.tensor(value)} reads the same nested list. Given as
 * {@code float[]}, {@code double[]}, {@code int[]} (1-D), {@code float[][]}, {@code double[][]} (2-D)
 * or nested lists of numbers of any depth (JSON's nested arrays), rectangular.
 */
public final class TensorArgument {
  private final long[] shape;
  private final float[] data;

  private TensorArgument(long[] shape, float[] data) {
    this.shape = shape;
    this.data = data;
  }

  /** A copy of the shape. */
  public long[] shape() {
    return shape.clone();
  }

  /** A copy of the values, row-major. */
  public float[] data() {
    return data.clone();
  }

  /** The number of dimensions. */
  public int dimension() {
    return shape.length;
  }

  /** The number of values. */
  public int size() {
    return data.length;
  }

  /** The tensor as an array of {@code like}'s type on its manager (so on its device). */
  NDArray on(NDArray like) {
    return like.getManager().create(data, new Shape(shape)).toType(like.getDataType(), false);
  }

  /** {@code (2, 3)}, {@code (3,)}, as PyTorch prints a shape. */
  String showShape() {
    return Inputs.show(new Shape(shape));
  }

  /** The tensor {@code value} holds, or null when it holds none (not numbers, or not rectangular). */
  static TensorArgument of(Object value) {
    if (value instanceof float[] f) {
      return new TensorArgument(new long[] {f.length}, f.clone());
    }
    if (value instanceof double[] d) {
      float[] out = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        out[i] = (float) d[i];
      }
      return new TensorArgument(new long[] {d.length}, out);
    }
    if (value instanceof int[] n) {
      float[] out = new float[n.length];
      for (int i = 0; i < n.length; i++) {
        out[i] = n[i];
      }
      return new TensorArgument(new long[] {n.length}, out);
    }
    if (value instanceof float[][] || value instanceof double[][]) {
      Object[] rows = (Object[]) value;
      List<Object> nested = new ArrayList<>();
      for (Object row : rows) {
        TensorArgument r = of(row);
        if (r == null) {
          return null;
        }
        List<Object> items = new ArrayList<>();
        for (float v : r.data) {
          items.add(v);
        }
        nested.add(items);
      }
      return of(nested);
    }
    if (value instanceof List<?> list) {
      List<Long> shape = new ArrayList<>();
      if (!shapeOf(list, shape, 0)) {
        return null;
      }
      long count = shape.stream().reduce(1L, (a, b) -> a * b);
      float[] out = new float[Math.toIntExact(count)];
      int[] at = {0};
      if (!fill(list, out, at, shape, 0) || at[0] != out.length) {
        return null;
      }
      return new TensorArgument(shape.stream().mapToLong(Long::longValue).toArray(), out);
    }
    return null;
  }

  /** The shape of a nested list, read along its first elements; false for an empty inner list. */
  private static boolean shapeOf(List<?> list, List<Long> shape, int depth) {
    shape.add((long) list.size());
    if (list.isEmpty()) {
      return depth == 0;
    }
    Object first = list.get(0);
    return !(first instanceof List<?> inner) || shapeOf(inner, shape, depth + 1);
  }

  /** Copies the numbers row-major, checking every list against the shape; false when ragged or not numbers. */
  private static boolean fill(List<?> list, float[] out, int[] at, List<Long> shape, int depth) {
    if (list.size() != shape.get(depth)) {
      return false;
    }
    boolean leaf = depth == shape.size() - 1;
    for (Object item : list) {
      if (leaf) {
        if (!(item instanceof Number number)) {
          return false;
        }
        out[at[0]++] = number.floatValue();
      } else if (!(item instanceof List<?> inner) || !fill(inner, out, at, shape, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "tensor of shape " + showShape() + " " + Arrays.toString(data);
  }
}
