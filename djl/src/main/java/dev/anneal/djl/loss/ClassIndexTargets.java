package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * PyTorch's {@code nll_loss_nd} on log-probabilities {@code (C)}, {@code (N, C)} or
 * {@code (N, C, d1, ...)} and class-index targets {@code ()}, {@code (N)} or {@code (N, d1, ...)}:
 * the picked {@code -w[y] * logp[y]} per element and its weight {@code w[y]} (0 where the target is
 * {@code ignore_index}). {@code 'mean'} divides by the sum of those weights, so a batch whose every
 * target is ignored gives NaN, as in PyTorch.
 */
final class ClassIndexTargets {
  final NDArray losses;
  final NDArray weights;
  final NDArray kept;

  private ClassIndexTargets(NDArray losses, NDArray weights, NDArray kept) {
    this.losses = losses;
    this.weights = weights;
    this.kept = kept;
  }

  static int classDim(NDArray input) {
    return input.getShape().dimension() == 1 ? 0 : 1;
  }

  /** The weight as an array on the input's device, checked to hold one entry per class. */
  static NDArray weight(String loss, float[] weight, NDArray input) {
    if (weight == null) {
      return null;
    }
    long classes = input.getShape().get(classDim(input));
    if (weight.length != classes) {
      throw new LossInputException(loss, "weight", "must hold one entry per class (" + classes + "), had " + weight.length);
    }
    return input.getManager().create(weight).toType(input.getDataType(), false);
  }

  static void checkShape(String loss, NDArray input, NDArray target) {
    Shape in = input.getShape();
    if (in.dimension() == 0) {
      throw new LossInputException(loss, "input", "must have a class dimension: (C), (N, C) or (N, C, d1, ...), was ()");
    }
    Shape expected = in.dimension() == 1 ? new Shape() : in.slice(0, 1).addAll(in.slice(2));
    if (!target.getShape().equals(expected)) {
      throw new LossInputException(loss, "target", "class indices for input " + Inputs.show(in) + " must have shape "
          + Inputs.show(expected) + ", was " + Inputs.show(target.getShape()));
    }
  }

  static ClassIndexTargets pick(String loss, NDArray logProbs, NDArray target, NDArray weight, int ignoreIndex) {
    checkShape(loss, logProbs, target);
    int classDim = classDim(logProbs);
    long classes = logProbs.getShape().get(classDim);
    NDArray kept = target.neq(ignoreIndex);
    NDArray outOfRange = kept.logicalAnd(target.lt(0).logicalOr(target.gte(classes)));
    if (outOfRange.any().getBoolean()) {
      long bad = target.booleanMask(outOfRange).toLongArray()[0];
      throw new LossInputException(loss, "target", "class index " + bad + " is out of range for " + classes
          + " classes (expected 0 to " + (classes - 1) + ", or ignore_index " + ignoreIndex + ")");
    }
    NDArray safe = Ops.where(kept, target, target.zerosLike());
    NDArray picked = logProbs.gather(safe.expandDims(classDim), classDim).squeeze(classDim);
    NDArray w = weight == null ? Ops.asFloat(kept, logProbs) : Ops.where(kept, Ops.lookup(weight, safe), 0);
    NDArray losses = Ops.where(kept, picked.neg().mul(w), 0);
    return new ClassIndexTargets(losses, w, kept);
  }

  NDArray reduce(Reduction reduction) {
    return switch (reduction) {
      case MEAN -> losses.sum().div(weights.sum());
      case SUM -> losses.sum();
      default -> losses;
    };
  }
}
