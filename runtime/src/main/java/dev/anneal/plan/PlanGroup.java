package dev.anneal.plan;

import dev.anneal.freeze.FreezeRule;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Buffer;
import dev.anneal.schedule.warmup.StepWarmup;
import java.util.List;

/**
 * Everything the plan keeps about one group, declared or added while running: the optimizer's
 * group, its buffers and what they do while it is frozen, its freeze rule, its step warmup, and
 * the lr bookkeeping of the last step. Construction, {@code addGroup}, the step and checkpoints
 * all read this one record, so a new per-group fact is one field here.
 */
final class PlanGroup {
  final ParamGroup params;
  /** The buffers of its source (BatchNorm's running statistics), saved in checkpoints. */
  final List<Buffer> buffers;
  final BatchNormPolicy batchNorm;
  /** When the group trains: null when it is never frozen. */
  final FreezeRule freezeRule;
  /** The warmup counted in optimizer steps that multiplies its scheduled lr, or null. */
  final StepWarmup stepWarmup;
  /**
   * timm's and MAE's {@code lr_scale}: the factor on every lr the group's schedule gives (1 unless a
   * layer decay with {@link LrScale#SCHEDULED_LR} made the group).
   */
  final double lrScale;

  /** Held copies of the buffers while frozen under {@link BatchNormPolicy#HOLD}, else null. */
  float[][] held;
  /** The lr the group's last step used (NaN before its first step in this JVM) and the scheduled one. */
  double usedLr = Double.NaN;
  double scheduledLr;
  /** The momentum (or beta1) the last step used when a step warmup moved it, else NaN; and the group's own. */
  double usedMomentum = Double.NaN;
  double scheduledMomentum = Double.NaN;

  private PlanGroup(ParamGroup params, List<Buffer> buffers, BatchNormPolicy batchNorm, FreezeRule freezeRule,
      StepWarmup stepWarmup, double lrScale) {
    this.params = params;
    this.buffers = List.copyOf(buffers);
    this.batchNorm = batchNorm;
    this.freezeRule = freezeRule;
    this.stepWarmup = stepWarmup;
    this.lrScale = lrScale;
  }

  /**
   * A group as configured: its own step warmup, else the plan's when the group follows the
   * plan-wide schedules ({@code planWarmup} may be null).
   */
  static PlanGroup of(ParamGroup params, List<Buffer> buffers, GroupConfig config, StepWarmup planWarmup) {
    StepWarmup own = config.ownStepWarmup();
    StepWarmup warmup = own != null ? own : config.plannedSchedule() == null ? planWarmup : null;
    return new PlanGroup(params, buffers, config.batchNormPolicy(), config.freezeRule(), warmup, config.lrScale());
  }

  String name() {
    return params.name();
  }

  /** The factor of the step warmup at optimizer step {@code step}, 1 without one. */
  double stepWarmupFactor(long step) {
    return stepWarmup == null ? 1.0 : stepWarmup.factor(step);
  }

  /** Whether the step warmup starts from an absolute lr, so its lr is not a factor on the scheduled one. */
  boolean warmsFromAbsoluteLr() {
    return stepWarmup != null && stepWarmup.startsFromLr();
  }
}
