package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * Engine compositions several losses share. Each is written so that autograd gives PyTorch's
 * gradient, including at the points where a naive composition would give NaN (0 * inf).
 */
final class Ops {
  private Ops() {}

  /** A 0-d constant of {@code like}'s dtype, on its device and manager. */
  static NDArray scalar(NDArray like, double value) {
    return like.getManager().create((float) value).toType(like.getDataType(), false);
  }

  /** {@code torch.where} with broadcasting (DJL's {@code where} wants condition and {@code a} of one shape). */
  static NDArray where(NDArray condition, NDArray a, NDArray b) {
    Shape shape = broadcast(broadcast(condition.getShape(), a.getShape()), b.getShape());
    NDArray c = condition.getShape().equals(shape) ? condition : condition.broadcast(shape);
    NDArray x = a.getShape().equals(shape) ? a : a.broadcast(shape);
    NDArray y = b.getShape().equals(shape) || b.getShape().dimension() == 0 ? b : b.broadcast(shape);
    return NDArrays.where(c, x, y);
  }

  /** The shape two shapes broadcast to (they are assumed broadcastable). */
  static Shape broadcast(Shape a, Shape b) {
    int n = Math.max(a.dimension(), b.dimension());
    long[] out = new long[n];
    for (int i = 1; i <= n; i++) {
      long x = i <= a.dimension() ? a.get(a.dimension() - i) : 1;
      long y = i <= b.dimension() ? b.get(b.dimension() - i) : 1;
      out[n - i] = x == 1 ? y : x;
    }
    return new Shape(out);
  }

  static NDArray where(NDArray condition, NDArray a, double b) {
    return NDArrays.where(condition, a, scalar(a, b));
  }

  /** {@code max(x, min)} with PyTorch's {@code clamp_min} gradient: it passes where {@code x >= min}. */
  static NDArray clampMin(NDArray x, double min) {
    return x.clip(min, Double.POSITIVE_INFINITY);
  }

  /** {@code log(sigmoid(x))} = {@code -softplus(-x)}: finite for logits of any size, smooth at 0. */
  static NDArray logSigmoid(NDArray x) {
    return Activation.softPlus(x.neg()).neg();
  }

  /**
   * {@code x} where {@code x} is finite, computed as PyTorch's {@code x.clone(); with no_grad:
   * x.clamp_(min=eps)}: the forward value is clamped, the gradient passes unchanged.
   */
  static NDArray clampMinStraightThrough(NDArray x, double min) {
    return x.add(x.maximum((float) min).sub(x).stopGradient());
  }

  /** A weight vector of {@code c} entries for the class dimension {@code classDim} of a {@code dims}-D input. */
  static NDArray classView(NDArray weight, int dims, int classDim) {
    long[] shape = new long[dims];
    java.util.Arrays.fill(shape, 1);
    shape[classDim] = weight.size();
    return weight.reshape(shape);
  }

  /** {@code table[index]} for a 1-D table and an int64 index array of any shape. */
  static NDArray lookup(NDArray table, NDArray index) {
    return table.gather(index.flatten(), 0).reshape(index.getShape());
  }

  /** {@code (sum |d|^p)^(1/p)} over the last axis, as {@code torch.norm(d, p, -1)}; {@code p = inf} is the max. */
  static NDArray norm(NDArray d, double p) {
    int last = d.getShape().dimension() - 1;
    if (p == Double.POSITIVE_INFINITY) {
      return d.abs().max(new int[] {last});
    }
    if (p == 1) {
      return d.abs().sum(new int[] {last});
    }
    if (p == 2) {
      return d.square().sum(new int[] {last}).sqrt();
    }
    if (p == 0) {
      return d.neq(0).toType(d.getDataType(), false).sum(new int[] {last});
    }
    return d.abs().pow((float) p).sum(new int[] {last}).pow((float) (1.0 / p));
  }

  /** PyTorch's {@code pairwise_distance(x1, x2, p, eps)}: {@code norm(x1 - x2 + eps, p)} over the last axis. */
  static NDArray pairwiseDistance(NDArray x1, NDArray x2, double p, double eps) {
    return norm(x1.sub(x2).add((float) eps), p);
  }

  /**
   * PyTorch 2.x's {@code cosine_similarity(x1, x2, dim, eps)}: each vector divided by its norm
   * clamped (without gradient) to at least {@code eps}, then the dot product.
   */
  static NDArray cosineSimilarity(NDArray x1, NDArray x2, int dim, double eps) {
    NDArray n1 = clampMinStraightThrough(x1.square().sum(new int[] {dim}, true).sqrt(), eps);
    NDArray n2 = clampMinStraightThrough(x2.square().sum(new int[] {dim}, true).sqrt(), eps);
    return x1.div(n1).mul(x2.div(n2)).sum(new int[] {dim});
  }

  /**
   * {@code log(exp(a) + exp(b) + ...)} elementwise, -inf where every term is -inf, with a finite
   * gradient (zero into the -inf terms) everywhere: the max is shifted out without gradient, and
   * an all-(-inf) sum is kept out of the log.
   */
  static NDArray logSumExp(NDArray... terms) {
    NDArray m = terms[0];
    for (int i = 1; i < terms.length; i++) {
      m = m.maximum(terms[i]);
    }
    m = m.stopGradient();
    NDArray shift = where(m.isInfinite(), m.zerosLike(), m);
    NDArray sum = terms[0].sub(shift).exp();
    for (int i = 1; i < terms.length; i++) {
      sum = sum.add(terms[i].sub(shift).exp());
    }
    NDArray empty = sum.eq(0);
    NDArray safe = where(empty, sum.onesLike(), sum);
    return where(empty.logicalNot(), safe.log().add(shift), Double.NEGATIVE_INFINITY);
  }

  static NDArray asFloat(NDArray mask, NDArray like) {
    return mask.toType(like.getDataType(), false);
  }

  static NDArray int64(NDArray x) {
    return x.getDataType() == DataType.INT64 ? x : x.toType(DataType.INT64, false);
  }
}
