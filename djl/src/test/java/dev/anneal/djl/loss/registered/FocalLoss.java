package dev.anneal.djl.loss.registered;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.anneal.djl.loss.TorchLoss;
import java.util.Map;

/**
 * A user's own loss, written outside Anneal's package with its public API only: the multi-class
 * focal loss {@code -(1 - p_t)^gamma log p_t} of logits {@code (N, C)} and class indices
 * {@code (N)} (Lin et al., 2017); {@code gamma = 0} is cross entropy. The constructor hands the
 * keyword arguments to {@link TorchLoss}, which checks them against the descriptor
 * {@link FocalLossProvider} registers.
 */
public final class FocalLoss extends TorchLoss {
  public static final String NAME = "FocalLoss";
  private final double gamma;

  public FocalLoss(Map<String, ?> kwargs) {
    super(NAME, kwargs);
    this.gamma = kwargs().number("gamma");
  }

  @Override
  public NDArray forward(NDArray... inputs) {
    NDArray logP = inputs[0].logSoftmax(1);
    NDArray logPt = logP.gather(inputs[1].toType(DataType.INT64, false).expandDims(1), 1).squeeze(1);
    NDArray focus = logPt.exp().neg().add(1f).pow((float) gamma);
    return reduce(focus.mul(logPt).neg());
  }
}
