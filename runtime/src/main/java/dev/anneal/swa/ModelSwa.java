package dev.anneal.swa;

import dev.anneal.plan.PlanAverage;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.param.ParameterSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stochastic weight averaging kept by the plan itself, as PyTorch's recipe
 * ({@code torch.optim.swa_utils}) does: {@code swa_model.update_parameters(model)} at the end of
 * every epoch from {@link #fromEpoch} on (PyTorch's example, {@code if epoch > swa_start}, is
 * {@code fromEpoch = swa_start + 1}); the equal average of those epochs' weights, the first update
 * copying them, buffers copied at each update ({@code use_buffers=False}; recompute BatchNorm
 * statistics with {@code dev.anneal.djl.UpdateBn} before evaluating):
 *
 * <pre>{@code
 * TrainingPlan.builder()...swa(ModelSwa.fromEpoch(75))
 * }</pre>
 *
 * Read it with {@code plan.averagedModel()}; saved with {@code plan.save(file)} as {@code file + ".swa"}
 * and restored by {@code plan.load}. Pair it with {@code SWALR} as the schedule's last phase.
 *
 * @param fromEpoch the first epoch (0-based) after whose end the average is updated
 */
public record ModelSwa(int fromEpoch) implements PlanAverage {
  /** Checks the range. */
  public ModelSwa {
    if (fromEpoch < 0) {
      throw new IllegalArgumentException("SWA fromEpoch must be at least 0, was " + fromEpoch);
    }
  }

  /** SWA updated at the end of every epoch from {@code epoch} (0-based) on. */
  public static ModelSwa fromEpoch(int epoch) {
    return new ModelSwa(epoch);
  }

  /** Starts the average on {@code plan}'s parameters and buffers and joins its checkpoints; the plan calls this. */
  @Override
  public AveragedModel attach(TrainingPlan plan) {
    if (fromEpoch >= plan.epochs()) {
      throw new IllegalArgumentException("SWA fromEpoch(" + fromEpoch + ") is past the last epoch of the training's "
          + plan.epochs() + "; the average would never be updated");
    }
    ParameterSource params = plan::parameters;
    AveragedModel model = AveragedModel.swa(params).buffers(plan.buffers(), false);
    model.updateAtEpochEnds(plan, fromEpoch);
    model.checkpointWith(plan, "swa");
    return model;
  }

  @Override
  public String kind() {
    return "swa";
  }

  /** The SWA as the plan's declaration records it. */
  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("from_epoch", fromEpoch);
    return d;
  }
}
