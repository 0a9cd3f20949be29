package dev.anneal.swa;

import dev.anneal.plan.HookHandle;
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
 * The average covers every parameter of the plan and, as {@code use_buffers=True}, its buffers; it
 * is updated as PyTorch's {@code AveragedModel} with {@code get_ema_multi_avg_fn} ({@link AveragedModel#ema}),
 * the first update copying the weights; read it with {@code plan.averagedModel()}. It is saved with
 * {@code plan.save(file)} next to the checkpoint ({@code file + ".ema"}) and restored by {@code plan.load}.
 *
 * @param decay the decay as given ({@code model_ema_decay}), in [0, 1]
 * @param everySteps optimizer steps between updates ({@code model_ema_steps}), at least 1
 * @param batchSize {@code world_size * batch_size} of the decay adjustment, or 0 for the decay as given
 * @param copyEpochs epochs (from the first) whose updates leave the average to copy the next update
 */
public record ModelEma(double decay, int everySteps, long batchSize, int copyEpochs) {
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
  }

  /** An EMA of this decay, updated after every optimizer step, the decay not adjusted. */
  public static ModelEma decay(double decay) {
    return new ModelEma(decay, 1, 0, 0);
  }

  /** Updates after the steps whose index in their epoch is a multiple of {@code steps} ({@code model_ema_steps}). */
  public ModelEma everySteps(int steps) {
    return new ModelEma(decay, steps, batchSize, copyEpochs);
  }

  /** torchvision's decay adjustment for {@code worldSize * batchSize} samples per step (see the class). */
  public ModelEma adjustedForBatch(long samplesPerStep) {
    if (samplesPerStep < 1) {
      throw new IllegalArgumentException("EMA adjustedForBatch must be at least 1, was " + samplesPerStep);
    }
    return new ModelEma(decay, everySteps, samplesPerStep, copyEpochs);
  }

  /** While the epoch is below {@code epochs}, the average restarts from a copy after each update ({@code n_averaged.fill_(0)}). */
  public ModelEma copyDuringEpochs(int epochs) {
    return new ModelEma(decay, everySteps, batchSize, epochs);
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
  public Attached attach(TrainingPlan plan) {
    if (copyEpochs > plan.epochs()) {
      throw new IllegalArgumentException("EMA copyDuringEpochs(" + copyEpochs + ") is past the training's " + plan.epochs() + " epochs");
    }
    ParameterSource params = plan::parameters;
    AveragedModel model = AveragedModel.ema(params, effectiveDecay(plan.epochs())).buffers(plan.buffers(), true);
    HookHandle update = plan.hooks().afterStep((p, trainable) -> {
      if (p.clock().stepInEpoch() % everySteps == 0) {
        model.update();
        if (p.clock().epoch() < copyEpochs) {
          model.restartAverage();
        }
      }
    });
    HookHandle checkpoint = model.checkpointWith(plan, "ema");
    return new Attached(model, () -> {
      update.remove();
      checkpoint.remove();
    });
  }

  /** The EMA as the plan's declaration records it (a checkpoint under another EMA is refused). */
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("decay", decay);
    d.put("every_steps", everySteps);
    d.put("adjusted_for_batch", batchSize);
    d.put("copy_during_epochs", copyEpochs);
    return d;
  }

  /** An average attached to a plan. */
  public record Attached(AveragedModel model, HookHandle handle) {}
}
