package dev.anneal.metrics;

import java.util.List;

/**
 * The names Lightning's {@code LearningRateMonitor} gives per-group hyperparameters, so a log
 * from Anneal reads like one from Lightning: {@code lr-<Optimizer>} then, with more than one group
 * or with named groups, {@code /<group name>} or {@code /pg<n>} (1-based) for unnamed groups;
 * momentum (or Adam's beta1) and weight decay append {@code -momentum} and {@code -weight_decay}.
 * Lightning's {@code grad_norm} names the total 2-norm {@code grad_2.0_norm_total}.
 */
public final class MetricNames {
  public static final String STEP = "step";
  public static final String EPOCH = "epoch";
  /** The mean loss of the micro-batches of one optimizer step. */
  public static final String LOSS = "loss";
  /** Steps skipped so far because a gradient was NaN or infinite. */
  public static final String SKIPPED_STEPS = "skipped_steps";
  /** The total 2-norm of the gradients before clipping, as Lightning's {@code grad_norm(module, 2)}. */
  public static final String GRAD_NORM = "grad_2.0_norm_total";

  private MetricNames() {}

  /**
   * The lr key of group {@code index} of an optimizer of PyTorch class {@code optimizerType}.
   * {@code byName}: groups are named (every plan group is), so the key ends in the group's name;
   * otherwise {@code pg1, pg2, ...} with no suffix for a single group, as Lightning does for
   * PyTorch's unnamed groups.
   */
  public static String lr(String optimizerType, List<String> groups, int index, boolean byName) {
    String name = "lr-" + optimizerType;
    if (byName) {
      return name + "/" + groups.get(index);
    }
    return groups.size() > 1 ? name + "/pg" + (index + 1) : name;
  }

  public static String momentum(String lrKey) {
    return lrKey + "-momentum";
  }

  public static String weightDecay(String lrKey) {
    return lrKey + "-weight_decay";
  }
}
