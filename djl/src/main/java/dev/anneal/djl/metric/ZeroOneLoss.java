package dev.anneal.djl.metric;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.evaluator.Evaluator;
import java.util.HashMap;
import java.util.Map;

/**
 * The 0-1 loss, {@code 1[argmax(scores) != target]} averaged over the samples: the share of
 * misclassified samples, {@code 1 - accuracy}. An evaluation metric, deliberately not a
 * {@link ai.djl.training.loss.Loss}: as a function of the model's scores it is piecewise constant,
 * so its gradient is zero almost everywhere and undefined on the decision boundaries; gradient
 * descent gets no signal from it. Train with a differentiable surrogate ({@code CrossEntropyLoss},
 * {@code MultiMarginLoss}) and report this.
 *
 * <p>Scores {@code (N, C)} or {@code (N, C, d1, ...)} (the class dimension is 1, or 0 for a single
 * {@code (C)} sample); class-index targets of the matching shape, any numeric type. Plugs into
 * DJL's {@code DefaultTrainingConfig.addEvaluator}; its accumulator averages over every sample seen.
 */
public final class ZeroOneLoss extends Evaluator {
  private final Map<String, Long> errors = new HashMap<>();

  public ZeroOneLoss() {
    this("ZeroOneLoss");
  }

  public ZeroOneLoss(String name) {
    super(name);
  }

  /** The misclassified share of this batch, a 0-d float array (NaN for an empty batch). */
  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray wrong = misclassified(labels, predictions);
    return wrong.toType(DataType.FLOAT32, false).mean();
  }

  private static NDArray misclassified(NDList labels, NDList predictions) {
    NDArray scores = predictions.head();
    int classDim = scores.getShape().dimension() == 1 ? 0 : 1;
    NDArray predicted = scores.argMax(classDim);
    NDArray target = labels.head().toType(DataType.INT64, false);
    if (!target.getShape().equals(predicted.getShape())) {
      if (target.size() != predicted.size()) {
        throw new IllegalArgumentException("ZeroOneLoss target: shape " + target.getShape() + " does not match the predictions' "
            + predicted.getShape() + " (scores " + scores.getShape() + ", classes along dimension " + classDim + ")");
      }
      target = target.reshape(predicted.getShape());
    }
    return predicted.neq(target);
  }

  @Override
  public void addAccumulator(String key) {
    totalInstances.put(key, 0L);
    errors.put(key, 0L);
  }

  @Override
  public void updateAccumulator(String key, NDList labels, NDList predictions) {
    updateAccumulators(new String[] {key}, labels, predictions);
  }

  @Override
  public void updateAccumulators(String[] keys, NDList labels, NDList predictions) {
    NDArray wrong = misclassified(labels, predictions);
    long count = wrong.size();
    long wrongCount = wrong.toType(DataType.INT64, false).sum().getLong();
    for (String key : keys) {
      totalInstances.merge(key, count, Long::sum);
      errors.merge(key, wrongCount, Long::sum);
    }
  }

  @Override
  public void resetAccumulator(String key) {
    totalInstances.put(key, 0L);
    errors.put(key, 0L);
  }

  /** The misclassified share of every sample since the last reset (NaN before any). */
  @Override
  public float getAccumulator(String key) {
    long total = totalInstances.getOrDefault(key, 0L);
    return total == 0 ? Float.NaN : (float) errors.getOrDefault(key, 0L) / total;
  }
}
