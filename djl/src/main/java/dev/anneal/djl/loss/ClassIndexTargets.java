package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * PyTorch's {@code nll_loss_nd} on log-probabilities {@code (C)}, {@code (N, C)} or
 * {@code (N, C, d1, ...)} and class-index targets {@code ()}, {@code (N)} or {@code (N, d1, ...)}:
 * the picked {@code -w[y] * logp[y]} per element and its weight {@code w[y]} (0 where the target is
 * {@code ignore_index}; {@code kept} is null when no target is ignored, {@code weights} when
 * moreover there are no class weights). {@code 'mean'} divides by the sum of those weights, so a batch whose every
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

  /** The weight as an array on the input's device, checked to be 1-D with one entry per class (PyTorch refuses other shapes). */
  static NDArray weight(String loss, TensorArgument weight, NDArray input) {
    return weight == null ? null : Inputs.classWeight(loss, "weight", weight, input.getShape().get(classDim(input)), input);
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
    // One copy of the targets to the host checks the range and tells whether any is ignored; without
    // ignored targets and weights the masks are left out (the common case runs few engine ops).
    boolean anyIgnored = false;
    for (long t : target.toLongArray()) {
      if (t == ignoreIndex) {
        anyIgnored = true;
      } else if (t < 0 || t >= classes) {
        throw new LossInputException(loss, "target", "class index " + t + " is out of range for " + classes
            + " classes (expected 0 to " + (classes - 1) + ", or ignore_index " + ignoreIndex + ")");
      }
    }
    NDArray kept = anyIgnored ? target.neq(ignoreIndex) : null;
    NDArray safe = anyIgnored ? Ops.where(kept, target, target.zerosLike()) : target;
    NDArray picked = logProbs.gather(safe.expandDims(classDim), classDim).squeeze(classDim);
    if (!anyIgnored) {
      return weight == null ? new ClassIndexTargets(picked.neg(), null, null)
          : weighted(picked, Ops.lookup(weight, safe), null);
    }
    NDArray w = weight == null ? Ops.asFloat(kept, logProbs) : Ops.where(kept, Ops.lookup(weight, safe), 0);
    return weighted(picked, w, kept);
  }

  private static ClassIndexTargets weighted(NDArray picked, NDArray w, NDArray kept) {
    NDArray losses = picked.neg().mul(w);
    return new ClassIndexTargets(kept == null ? losses : Ops.where(kept, losses, 0), w, kept);
  }

  /** Zero where the target is ignored (when any is). */
  NDArray keptOnly(NDArray perElement) {
    return kept == null ? perElement : Ops.where(kept, perElement, 0);
  }

  /** {@code 'mean'} of per-element values: divided by the summed weights, or the plain mean without weights or ignored targets. */
  NDArray mean(NDArray perElement) {
    return weights == null ? perElement.mean() : perElement.sum().div(weights.sum());
  }

  NDArray reduce(Reduction reduction) {
    return switch (reduction) {
      case MEAN -> mean(losses);
      case SUM -> losses.sum();
      default -> losses;
    };
  }
}
