package dev.anneal.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.anneal.param.Parameter;
import dev.anneal.plan.StepOutcome;
import dev.anneal.plan.TrainingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Trains a DJL model with an Anneal {@link TrainingPlan} in place of DJL's optimizer: per batch,
 * {@link #trainBatch} runs the forward pass and the loss inside DJL's gradient collector, back-
 * propagates (scaled by the plan's {@code lossScale} when accumulating), and hands over to
 * {@link TrainingPlan#afterBackward()}, which clips, steps, zeroes and schedules. The plan's groups
 * are built from {@link BlockParameters}, so the optimizer updates the engine's tensors in place.
 *
 * <pre>{@code
 * TrainingPlan plan = TrainingPlan.builder()...group("body", BlockParameters.of("body", model.body))...build();
 * DjlTrainer trainer = new DjlTrainer(model, Loss.softmaxCrossEntropyLoss(), plan);
 * plan.startEpoch();
 * for (...) { try (NDManager batch = manager.newSubManager()) { trainer.trainBatch(inputs, labels); } }
 * plan.finishEpochSteps();   // a partial accumulation window steps before evaluation
 * plan.endEpoch(Map.of("val_loss", trainer.evaluateBatch(valInputs, valLabels).loss()));
 * }</pre>
 *
 * Arrays the passes create belong to the inputs' manager: create each batch in a sub-manager and
 * close it after the batch.
 *
 * <p>With the runtime's {@code TrainingLoop}, which calls {@code afterBackward()} itself, the
 * batch function calls {@link #backward} instead of {@link #trainBatch}:
 *
 * <pre>{@code
 * TrainingLoop.of(plan).train((epoch, batch, lossScale) -> trainer.backward(inputs, labels, lossScale).loss()).run();
 * }</pre>
 */
public final class DjlTrainer {
  private final Block model;
  private final Loss loss;
  private final TrainingPlan plan;
  private final List<DjlParameter> bound = new ArrayList<>();
  private final List<DjlParameter> copies = new ArrayList<>();

  /** What a batch gave: its mean loss (unscaled), the model's outputs, and what the plan did. */
  public record BatchResult(double loss, NDList outputs, StepOutcome outcome) {}

  public DjlTrainer(Block model, Loss loss, TrainingPlan plan) {
    this.model = Objects.requireNonNull(model, "model");
    this.loss = Objects.requireNonNull(loss, "loss");
    this.plan = Objects.requireNonNull(plan, "plan");
    for (Parameter p : plan.parameters()) {
      if (p instanceof DjlParameter engine) {
        bound.add(engine);
        if (!engine.zeroCopy()) {
          copies.add(engine);
        }
      }
    }
    if (bound.isEmpty()) {
      throw new IllegalArgumentException("the plan holds no DJL parameters: build its groups with BlockParameters.of(name, block)");
    }
    if (!copies.isEmpty()) {
      // Heap copies get the engine's values back after each step, whoever drives the plan.
      plan.hooks().afterStep((p, trainable) -> copies.forEach(DjlParameter::pushToEngine));
    }
  }

  public TrainingPlan plan() {
    return plan;
  }

  /** {@return whether every parameter views engine memory (no copies around the optimizer step)} */
  public boolean zeroCopy() {
    return copies.isEmpty();
  }

  /** One micro-batch of training: forward, loss, backward, then the plan's step logic. */
  public BatchResult trainBatch(NDList inputs, NDList labels) {
    BatchResult result = backward(inputs, labels, plan.lossScale());
    return new BatchResult(result.loss(), result.outputs(), plan.afterBackward());
  }

  /**
   * As {@link #trainBatch(NDList, NDList)}, the loss scaled by {@code plan.lossScale(microBatchesPerEpoch)}:
   * what a plan with {@code LossScale.WINDOW} needs, whose last window of an epoch may be partial.
   */
  public BatchResult trainBatch(NDList inputs, NDList labels, long microBatchesPerEpoch) {
    BatchResult result = backward(inputs, labels, plan.lossScale(microBatchesPerEpoch));
    return new BatchResult(result.loss(), result.outputs(), plan.afterBackward());
  }

  /**
   * Forward, loss and backward of one micro-batch, the loss multiplied by {@code lossScale} before
   * the backward pass; the caller (a {@code TrainingLoop}) then calls {@code plan.afterBackward()}.
   * The result's outcome is {@code null}: no step was taken here.
   */
  public BatchResult backward(NDList inputs, NDList labels, double lossScale) {
    for (DjlParameter p : bound) {
      p.checkBound();
    }
    NDManager manager = inputs.head().getManager();
    NDList outputs;
    double lossValue;
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      outputs = model.forward(new ParameterStore(manager, false), inputs, true);
      NDArray value = loss.evaluate(labels, outputs);
      lossValue = value.getFloat();
      collector.backward(lossScale == 1.0 ? value : value.mul(lossScale));
    }
    for (DjlParameter p : copies) {
      p.pullFromEngine();
    }
    return new BatchResult(lossValue, outputs, null);
  }

  /** Forward pass in inference mode (no gradients, no dropout, BatchNorm's running statistics). */
  public BatchResult evaluateBatch(NDList inputs, NDList labels) {
    NDManager manager = inputs.head().getManager();
    NDList outputs = model.forward(new ParameterStore(manager, false), inputs, false);
    double lossValue = loss.evaluate(labels, outputs).getFloat();
    return new BatchResult(lossValue, outputs, null);
  }

  /** How many rows of {@code outputs} (class scores) have their largest score at the label. */
  public static int correct(NDList outputs, NDList labels) {
    NDArray predicted = outputs.singletonOrThrow().argMax(1);
    NDArray truth = labels.singletonOrThrow().toType(predicted.getDataType(), false).reshape(predicted.getShape());
    return (int) predicted.eq(truth).sum().getLong();
  }
}
