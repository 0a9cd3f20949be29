package dev.anneal.djl.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;

/**
 * PyTorch's {@code torch.nn.CTCLoss(blank=0, reduction='mean', zero_infinity=False)}: the
 * connectionist temporal classification loss, {@code -log} of the summed probability of every
 * alignment of the target, computed by the forward (alpha) recursion in log space, one engine
 * step per time step, so autograd differentiates it.
 *
 * <p>Inputs in PyTorch's order: {@code log_probs} {@code (T, N, C)} (log-softmax outputs) or
 * {@code (T, C)} unbatched; {@code targets} {@code (N, S)} padded, or 1-D holding the targets one
 * after another; {@code input_lengths} and {@code target_lengths} {@code (N)} (0-d unbatched).
 * {@code 'mean'} divides each loss by its target length (at least 1), then averages over the
 * batch. A target that cannot be aligned in its input length has an infinite loss, or 0 (and zero
 * gradient) with {@code zero_infinity}.
 *
 * <p>Gradient: PyTorch's CTC backward returns, for {@code log_probs}, the gradient of the logits
 * under a log-softmax, {@code exp(log_probs) - posterior}, not the plain derivative
 * {@code -posterior}; the difference vanishes once the gradient passes back through
 * {@code log_softmax}. This loss adds the same {@code exp(log_probs)} term (zero in value), so the
 * gradients equal PyTorch's either way.
 *
 * <p>With DJL's {@code evaluate(labels, predictions)}: predictions {@code (log_probs)}, labels
 * {@code (targets, input_lengths, target_lengths)}.
 */
public final class CTCLoss extends TorchLoss {
  /** PyTorch's class name, as the loss's descriptor and specs know it. */
  public static final String NAME = "CTCLoss";
  private final int blank;
  private final boolean zeroInfinity;

  /** The loss with PyTorch's defaults. */
  public CTCLoss() {
    this(Map.of());
  }

  /**
   * The loss with keyword arguments under PyTorch's names, checked against its descriptor.
   *
   * @param kwargs the arguments; those left out take PyTorch's defaults
   * @throws LossInputException naming the first unknown or invalid argument
   */
  public CTCLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.blank = kwargs().integer("blank");
    this.zeroInfinity = kwargs().flag("zero_infinity");
  }

  /** {@return a builder that starts from PyTorch's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected NDArray[] arguments(NDList labels, NDList predictions) {
    if (labels.size() != 3) {
      throw new LossInputException(NAME, "labels", "must be (targets, input_lengths, target_lengths), had " + labels.size() + " arrays");
    }
    return new NDArray[] {predictions.head(), labels.get(0), labels.get(1), labels.get(2)};
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    Inputs.count(NAME, inputs, "log_probs, targets, input_lengths, target_lengths");
    NDArray logProbs = Inputs.floating(NAME, "log_probs", inputs[0]);
    Inputs.dims(NAME, "log_probs", logProbs, 2, 3);
    boolean unbatched = logProbs.getShape().dimension() == 2;
    NDArray lp = unbatched ? logProbs.expandDims(1) : logProbs;
    int steps = (int) lp.getShape().get(0);
    int batch = (int) lp.getShape().get(1);
    int classes = (int) lp.getShape().get(2);
    if (blank >= classes) {
      throw new LossInputException(NAME, "blank", "must be a class index below the " + classes + " classes of log_probs, was " + blank);
    }
    NDArray targetArray = Inputs.indices(NAME, "targets", inputs[1]);
    long[] inputLengths = lengths("input_lengths", inputs[2], unbatched, batch);
    long[] targetLengths = lengths("target_lengths", inputs[3], unbatched, batch);
    long[][] targets = targets(targetArray, unbatched, batch, targetLengths, classes);
    for (int n = 0; n < batch; n++) {
      if (inputLengths[n] > steps) {
        throw new LossInputException(NAME, "input_lengths", "length " + inputLengths[n] + " exceeds the " + steps
            + " time steps of log_probs");
      }
    }

    NDManager manager = lp.getManager();
    int maxTarget = 0;
    for (long t : targetLengths) {
      maxTarget = Math.max(maxTarget, (int) t);
    }
    int states = 2 * maxTarget + 1;
    long[] extended = new long[batch * states];
    boolean[] skip = new boolean[batch * states];
    boolean[] first = new boolean[batch * states];
    java.util.Arrays.fill(extended, blank);
    for (int n = 0; n < batch; n++) {
      first[n * states] = true;
      if (states > 1) {
        first[n * states + 1] = true;
      }
      for (int k = 0; k < targets[n].length; k++) {
        int s = n * states + 2 * k + 1;
        extended[s] = targets[n][k];
        skip[s] = k > 0 && targets[n][k] != targets[n][k - 1];
      }
    }
    Shape grid = new Shape(batch, states);
    NDArray index = manager.create(extended, grid);
    // log_probs of the extended target (blanks between and around the labels): (T, N, 2S + 1).
    NDArray lpExtended = lp.gather(index.expandDims(0).repeat(0, steps), 2);
    NDArray skipAllowed = manager.create(skip, grid);
    NDArray alpha = Ops.where(manager.create(first, grid), lpExtended.get(0), Double.NEGATIVE_INFINITY);
    long longest = 0;
    for (long l : inputLengths) {
      longest = Math.max(longest, l);
    }
    for (int t = 1; t < longest; t++) {
      NDArray stay = alpha;
      NDArray advance = shift(alpha, 1);
      NDArray jump = Ops.where(skipAllowed, shift(alpha, 2), Double.NEGATIVE_INFINITY);
      NDArray next = Ops.logSumExp(stay, advance, jump).add(lpExtended.get(t));
      boolean[] running = new boolean[batch];
      for (int n = 0; n < batch; n++) {
        running[n] = t < inputLengths[n];
      }
      alpha = Ops.where(manager.create(running, new Shape(batch, 1)), next, alpha);
    }
    long[] last = new long[batch];
    long[] beforeLast = new long[batch];
    boolean[] hasLabels = new boolean[batch];
    float[] perTarget = new float[batch];
    for (int n = 0; n < batch; n++) {
      last[n] = 2 * targetLengths[n];
      beforeLast[n] = Math.max(0, 2 * targetLengths[n] - 1);
      hasLabels[n] = targetLengths[n] > 0;
      perTarget[n] = Math.max(1, targetLengths[n]);
    }
    NDArray endBlank = alpha.gather(manager.create(last, new Shape(batch, 1)), 1).squeeze(1);
    NDArray endLabel = Ops.where(manager.create(hasLabels),
        alpha.gather(manager.create(beforeLast, new Shape(batch, 1)), 1).squeeze(1), Double.NEGATIVE_INFINITY);
    NDArray nll = Ops.logSumExp(endBlank, endLabel).neg();

    // PyTorch's gradient convention (see the class comment): + exp(log_probs) over each sample's
    // own time steps, zero in value.
    boolean[] inTime = new boolean[steps * batch];
    for (int t = 0; t < steps; t++) {
      for (int n = 0; n < batch; n++) {
        inTime[t * batch + n] = t < inputLengths[n];
      }
    }
    NDArray mass = lp.exp().mul(Ops.asFloat(manager.create(inTime, new Shape(steps, batch, 1)), lp)).sum(new int[] {0, 2});
    NDArray loss = nll.add(mass.sub(mass.stopGradient()));
    if (zeroInfinity) {
      loss = Ops.where(nll.isInfinite(), loss.zerosLike(), loss);
    }
    return switch (reduction()) {
      case MEAN -> loss.div(manager.create(perTarget).toType(loss.getDataType(), false)).mean();
      case SUM -> loss.sum();
      default -> unbatched ? loss.squeeze(0) : loss;
    };
  }

  /** {@code alpha} moved {@code k} states right, -inf entering from the left. */
  private static NDArray shift(NDArray alpha, int k) {
    long batch = alpha.getShape().get(0);
    long states = alpha.getShape().get(1);
    NDArray pad = alpha.getManager().full(new Shape(batch, Math.min(k, states)), Float.NEGATIVE_INFINITY, alpha.getDataType());
    if (k >= states) {
      return pad;
    }
    return pad.concat(alpha.get(":, 0:" + (states - k)), 1);
  }

  private static long[] lengths(String name, NDArray array, boolean unbatched, int batch) {
    if (array == null) {
      throw new LossInputException(NAME, name, "is missing");
    }
    if (!array.getDataType().isInteger()) {
      throw new LossInputException(NAME, name, "must be an integer array, was " + Inputs.dtype(array));
    }
    if (unbatched ? array.getShape().dimension() > 1 || array.size() != 1 : array.getShape().dimension() != 1 || array.size() != batch) {
      throw new LossInputException(NAME, name, "must hold one length per batch element (" + batch + "), was " + Inputs.show(array.getShape()));
    }
    long[] values = array.toType(DataType.INT64, false).toLongArray();
    for (long v : values) {
      if (v < 0) {
        throw new LossInputException(NAME, name, "must not be negative, had " + v);
      }
    }
    return values;
  }

  private static long[][] targets(NDArray array, boolean unbatched, int batch, long[] lengths, int classes) {
    long[] flat = array.toLongArray();
    long[][] rows = new long[batch][];
    int dims = array.getShape().dimension();
    if (unbatched || dims == 1) {
      if (dims != 1) {
        throw new LossInputException(NAME, "targets", "unbatched log_probs (T, C) need 1-D targets, was " + Inputs.show(array.getShape()));
      }
      long total = 0;
      for (long l : lengths) {
        total += l;
      }
      if (total > flat.length) {
        throw new LossInputException(NAME, "target_lengths", "sum to " + total + ", more than the " + flat.length + " targets given");
      }
      int offset = 0;
      for (int n = 0; n < batch; n++) {
        rows[n] = java.util.Arrays.copyOfRange(flat, offset, offset + (int) lengths[n]);
        offset += unbatched ? 0 : (int) lengths[n];
      }
    } else if (dims == 2 && array.getShape().get(0) == batch) {
      int width = (int) array.getShape().get(1);
      for (int n = 0; n < batch; n++) {
        if (lengths[n] > width) {
          throw new LossInputException(NAME, "target_lengths", "length " + lengths[n] + " exceeds the " + width + " columns of targets");
        }
        rows[n] = java.util.Arrays.copyOfRange(flat, n * width, n * width + (int) lengths[n]);
      }
    } else {
      throw new LossInputException(NAME, "targets", "must be (N, S) padded or 1-D concatenated for " + batch + " sequences, was "
          + Inputs.show(array.getShape()));
    }
    for (long[] row : rows) {
      for (long label : row) {
        if (label < 0 || label >= classes) {
          throw new LossInputException(NAME, "targets", "class index " + label + " is out of range for " + classes + " classes");
        }
      }
    }
    return rows;
  }

  /** Sets the loss's keyword arguments one by one, under their PyTorch names in Java case. */
  public static final class Builder extends LossBuilder<Builder, CTCLoss> {
    private Builder() {
      super(CTCLoss::new);
    }

    /**
     * PyTorch's {@code blank}: the blank label's class index.
     *
     * @param value the value
     * @return this builder
     */
    public Builder blank(int value) {
      return set("blank", value);
    }

    /**
     * PyTorch's {@code zero_infinity}: infinite losses (impossible alignments) and their gradients become 0.
     *
     * @param value the value
     * @return this builder
     */
    public Builder zeroInfinity(boolean value) {
      return set("zero_infinity", value);
    }
  }
}
