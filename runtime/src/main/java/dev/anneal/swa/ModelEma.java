package dev.anneal.swa;

import dev.anneal.plan.PlanAverage;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.param.ParameterSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exponential moving average of the plan's weights kept by the plan itself, as torchvision's
 * classification reference keeps {@code model_ema} ({@code references/classification/train.py}):
 *
 * <pre>{@code
 * TrainingPlan.builder()...
 *     .ema(ModelEma.decay(0.99998).everySteps(32).adjustedForBatch(1024).copyDuringEpochs(5))
 * }</pre>
 *
 * <ul>
 *   <li>{@link #everySteps}: updated after the optimizer steps whose index in their epoch is a
 *       multiple of {@code n} ({@code i % model_ema_steps == 0}, {@code i} counted from 0 in each
 *       epoch), so the first step of every epoch updates.</li>
 *   <li>{@link #adjustedForBatch}: torchvision's decay adjustment, with {@code b = world_size *
 *       batch_size}: {@code alpha = min(1, (1 - decay) * b * n / epochs)}, decay {@code 1 - alpha}.</li>
 *   <li>{@link #copyDuringEpochs}: while the epoch (0-based) is below {@code e}, each update is
 *       followed by {@code n_averaged.fill_(0)}, so the next update copies the weights (the lr
 *       warmup's epochs).</li>
 * </ul>
 *
 * <p>YOLOv5's {@code ModelEMA} ({@code utils/torch_utils.py}) is the other form, {@link #ramp}:
 *
 * <pre>{@code
 *     .ema(ModelEma.ramp(0.9999, 2000))
 * }</pre>
 *
 * the average starts as a copy of the weights (taken before the first optimizer step, so weights
 * set after the plan was built count) and is updated after every optimizer step, the {@code n}-th
 * update ({@code updates}, 1 after the first step) with the decay {@code decay * (1 - exp(-n /
 * tau))}: {@code v = d * v + (1 - d) * model_v}. {@code updates} is saved with the average, so a
 * resumed run continues the ramp as YOLOv5's {@code smart_resume} does ({@code ema.updates =
 * ckpt["updates"]}). The ramp does not combine with torchvision's cadence, adjustment or copies.
 *
 * <p>The average covers every parameter of the plan and, as {@code use_buffers=True}, its buffers; it
 * is updated as PyTorch's {@code AveragedModel} with {@code get_ema_multi_avg_fn} ({@link AveragedModel#ema}),
 * the first update copying the weights; read it with {@code plan.averagedModel()}. It is saved with
 * {@code plan.save(file)} next to the checkpoint ({@code file + ".ema"}) and restored by {@code plan.load}.
 *
 * @param decay the decay as given ({@code model_ema_decay}), in [0, 1]
 * @param everySteps optimizer steps between updates ({@code model_ema_steps}), at least 1
 * @param batchSize {@code world_size * batch_size} of the decay adjustment, or 0 for the decay as given
 * @param copyEpochs epochs (from the first) whose updates leave the average to copy the next update
 * @param rampTau YOLOv5's {@code tau} of the decay ramp (positive), or 0 for torchvision's form
 */
public record ModelEma(double decay, int everySteps, long batchSize, int copyEpochs, double rampTau) implements PlanAverage {
  /** torchvision's form (no ramp). */
  public ModelEma(double decay, int everySteps, long batchSize, int copyEpochs) {
    this(decay, everySteps, batchSize, copyEpochs, 0);
  }

  /** Checks the ranges above. */
  public ModelEma {
    if (!(decay >= 0 && decay <= 1)) {
      throw new IllegalArgumentException("EMA decay must be in [0, 1], was " + decay);
    }
    if (everySteps < 1) {
      throw new IllegalArgumentException("EMA everySteps must be at least 1, was " + everySteps);
    }
    if (batchSize < 0) {
      throw new IllegalArgumentException("EMA adjustedForBatch must be at least 1 (or 0 for no adjustment), was " + batchSize);
    }
    if (copyEpochs < 0) {
      throw new IllegalArgumentException("EMA copyDuringEpochs must be at least 0, was " + copyEpochs);
    }
    if (!(rampTau >= 0) || Double.isInfinite(rampTau)) {
      throw new IllegalArgumentException("EMA ramp tau must be positive and finite, was " + rampTau);
    }
    if (rampTau > 0 && (everySteps != 1 || batchSize != 0 || copyEpochs != 0)) {
      throw new IllegalArgumentException("YOLOv5's ramp EMA (ramp(" + decay + ", " + rampTau + ")) updates after every"
          + " optimizer step with its own decay; it takes no everySteps, adjustedForBatch or copyDuringEpochs (torchvision's)");
    }
  }

  /**
   * YOLOv5's {@code ModelEMA(model, decay, tau)}: a copy of the weights at the start, then after
   * every optimizer step the decay {@code decay * (1 - exp(-updates / tau))} (see the class).
   *
   * @param decay the decay the ramp approaches ({@code 0.9999} in YOLOv5), in [0, 1]
   * @param tau the ramp's time constant in updates ({@code 2000} in YOLOv5), positive
   * @return the EMA
   */
  public static ModelEma ramp(double decay, double tau) {
    if (!(tau > 0)) {
      throw new IllegalArgumentException("EMA ramp tau must be positive and finite, was " + tau);
    }
    return new ModelEma(decay, 1, 0, 0, tau);
  }

  /** {@return whether this is YOLOv5's ramp ({@link #ramp}) rather than torchvision's form} */
  public boolean ramped() {
    return rampTau > 0;
  }

  /**
   * The decay of the {@code updates}-th update (1 after the first step): YOLOv5's
   * {@code decay * (1 - exp(-updates / tau))}, or the torchvision form's effective decay
   * ({@link #effectiveDecay}) for a training of {@code epochs} epochs.
   */
  public double decayAt(long updates, int epochs) {
    return ramped() ? AveragedModel.rampDecay(decay, rampTau, updates) : effectiveDecay(epochs);
  }

  /** An EMA of this decay, updated after every optimizer step, the decay not adjusted. */
  public static ModelEma decay(double decay) {
    return new ModelEma(decay, 1, 0, 0, 0);
  }

  /** Updates after the steps whose index in their epoch is a multiple of {@code steps} ({@code model_ema_steps}). */
  public ModelEma everySteps(int steps) {
    return new ModelEma(decay, steps, batchSize, copyEpochs, rampTau);
  }

  /** torchvision's decay adjustment for {@code worldSize * batchSize} samples per step (see the class). */
  public ModelEma adjustedForBatch(long samplesPerStep) {
    if (samplesPerStep < 1) {
      throw new IllegalArgumentException("EMA adjustedForBatch must be at least 1, was " + samplesPerStep);
    }
    return new ModelEma(decay, everySteps, samplesPerStep, copyEpochs, rampTau);
  }

  /** While the epoch is below {@code epochs}, the average restarts from a copy after each update ({@code n_averaged.fill_(0)}). */
  public ModelEma copyDuringEpochs(int epochs) {
    return new ModelEma(decay, everySteps, batchSize, epochs, rampTau);
  }

  /**
   * The decay the updates use in a training of {@code epochs} epochs: as given, or torchvision's
   * {@code 1 - min(1, (1 - decay) * batchSize * everySteps / epochs)}.
   */
  public double effectiveDecay(int epochs) {
    if (batchSize == 0) {
      return decay;
    }
    double adjust = (double) batchSize * everySteps / epochs;
    double alpha = Math.min(1.0, (1.0 - decay) * adjust);
    return 1.0 - alpha;
  }

  /**
   * Starts the average on {@code plan}'s parameters and buffers: updates after its steps as above
   * and joins its checkpoints. The plan calls this when built with {@code .ema(...)}.
   *
   * @return the average, and the handle that detaches it
   */
  @Override
  public AveragedModel attach(TrainingPlan plan) {
    if (ramped()) {
      return attachRamp(plan);
    }
    if (copyEpochs > plan.epochs()) {
      throw new IllegalArgumentException("EMA copyDuringEpochs(" + copyEpochs + ") is past the training's " + plan.epochs() + " epochs");
    }
    ParameterSource params = plan::parameters;
    AveragedModel model = AveragedModel.ema(params, effectiveDecay(plan.epochs())).buffers(plan.buffers(), true);
    plan.hooks().afterStep((p, trainable) -> {
      if (p.clock().stepInEpoch() % everySteps == 0) {
        model.update();
        if (p.clock().epoch() < copyEpochs) {
          model.restartAverage();
        }
      }
    });
    model.checkpointWith(plan, "ema");
    return model;
  }

  /** YOLOv5's form: the copy before the first step (while {@code updates} is 0), an update after every step. */
  private AveragedModel attachRamp(TrainingPlan plan) {
    ParameterSource params = plan::parameters;
    AveragedModel model = AveragedModel.emaRamp(params, decay, rampTau).buffers(plan.buffers(), true);
    plan.hooks().beforeStep((p, trainable) -> {
      if (model.averagedCount() == 0) {
        model.startFromModel();
      }
    });
    plan.hooks().afterStep((p, trainable) -> model.update());
    model.checkpointWith(plan, "ema");
    return model;
  }

  @Override
  public String kind() {
    return "ema";
  }

  /** The EMA as the plan's declaration records it (a checkpoint under another EMA is refused). */
  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("decay", decay);
    d.put("every_steps", everySteps);
    d.put("adjusted_for_batch", batchSize);
    d.put("copy_during_epochs", copyEpochs);
    if (ramped()) {
      d.put("ramp_tau", rampTau);
    }
    return d;
  }
}
