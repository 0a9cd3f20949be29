package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** The input checks PyTorch makes, each refusing with a {@link LossInputException} naming the input. */
final class Inputs {
  private Inputs() {}

  static void count(String loss, NDArray[] inputs, String names) {
    int expected = names.split(",").length;
    if (inputs.length != expected) {
      throw new LossInputException(loss, "inputs", "forward takes (" + names + "), got " + inputs.length + " arrays");
    }
  }

  static NDArray floating(String loss, String name, NDArray array) {
    if (array == null) {
      throw new LossInputException(loss, name, "is missing");
    }
    if (!array.getDataType().isFloating()) {
      throw new LossInputException(loss, name, "must be a floating-point array, was " + dtype(array));
    }
    return array;
  }

  /** Class indices: int64 as PyTorch wants, or any other integer type (Java's int), read as int64. */
  static NDArray indices(String loss, String name, NDArray array) {
    if (array == null) {
      throw new LossInputException(loss, name, "is missing");
    }
    if (!array.getDataType().isInteger()) {
      throw new LossInputException(loss, name, "must hold class indices as an integer array (int64 or int32), was " + dtype(array));
    }
    return array.getDataType() == DataType.INT64 ? array : array.toType(DataType.INT64, false);
  }

  static String dtype(NDArray array) {
    return array.getDataType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  static String show(Shape shape) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < shape.dimension(); i++) {
      out.append(i == 0 ? "" : ", ").append(shape.get(i));
    }
    return out.append(shape.dimension() == 1 ? ",)" : ")").toString();
  }

  static void sameShape(String loss, String name, NDArray array, String otherName, NDArray other) {
    if (!array.getShape().equals(other.getShape())) {
      throw new LossInputException(loss, name, "must have the shape of " + otherName + " " + show(other.getShape())
          + ", was " + show(array.getShape()));
    }
  }

  /** PyTorch broadcasts (with a warning) where the shapes differ but are broadcastable; otherwise it refuses. */
  static void broadcastable(String loss, String name, NDArray array, String otherName, NDArray other) {
    Shape a = array.getShape();
    Shape b = other.getShape();
    int n = Math.max(a.dimension(), b.dimension());
    for (int i = 1; i <= n; i++) {
      long x = i <= a.dimension() ? a.get(a.dimension() - i) : 1;
      long y = i <= b.dimension() ? b.get(b.dimension() - i) : 1;
      if (x != y && x != 1 && y != 1) {
        throw new LossInputException(loss, name, "shape " + show(a) + " does not broadcast with " + otherName + " " + show(b));
      }
    }
  }

  static void dims(String loss, String name, NDArray array, int... allowed) {
    for (int d : allowed) {
      if (array.getShape().dimension() == d) {
        return;
      }
    }
    StringBuilder wanted = new StringBuilder();
    for (int i = 0; i < allowed.length; i++) {
      wanted.append(i == 0 ? "" : i == allowed.length - 1 ? " or " : ", ").append(allowed[i]).append("-D");
    }
    throw new LossInputException(loss, name, "must be " + wanted + ", was " + show(array.getShape()));
  }

  /**
   * A tensor argument ({@code weight}, {@code pos_weight}) as an array of {@code like}'s type,
   * checked to broadcast with {@code other} (either may grow); null for None.
   */
  static NDArray tensor(String loss, String name, TensorArgument value, NDArray like, String otherName, NDArray other) {
    if (value == null) {
      return null;
    }
    NDArray array = value.on(like);
    broadcastable(loss, name, array, otherName, other);
    return array;
  }

  /**
   * A tensor argument that multiplies a loss of {@code other}'s shape in place, as PyTorch's
   * {@code loss.mul_(weight)} does: any shape that broadcasts to {@code other}'s without growing it
   * (per element, per sample {@code (N, 1)}, per class {@code (C,)}, per channel {@code (C, 1, 1)});
   * null for None.
   */
  static NDArray tensorBroadcastTo(String loss, String name, TensorArgument value, NDArray like, String otherName, NDArray other) {
    if (value == null) {
      return null;
    }
    NDArray array = value.on(like);
    broadcastable(loss, name, array, otherName, other);
    Shape a = array.getShape();
    Shape b = other.getShape();
    boolean grows = a.dimension() > b.dimension();
    for (int i = 1; !grows && i <= a.dimension(); i++) {
      grows = a.get(a.dimension() - i) != b.get(b.dimension() - i) && a.get(a.dimension() - i) != 1;
    }
    if (grows) {
      throw new LossInputException(loss, name, "shape " + show(a) + " must broadcast to " + otherName + " " + show(b)
          + " without growing it (PyTorch multiplies the loss in place)");
    }
    return array;
  }

  /** A per-class tensor argument: 1-D with one entry per class, as PyTorch requires of class weights. */
  static NDArray classWeight(String loss, String name, TensorArgument value, long classes, NDArray like) {
    if (value == null) {
      return null;
    }
    if (value.dimension() != 1) {
      throw new LossInputException(loss, name, "must be 1-D with one entry per class (" + classes + "), was shape " + value.showShape());
    }
    if (value.size() != classes) {
      throw new LossInputException(loss, name, "must hold one entry per class (" + classes + "), had " + value.size());
    }
    return value.on(like);
  }
}
