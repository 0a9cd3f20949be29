package dev.anneal.freeze;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * When a group is frozen and what happens as it thaws: frozen while fewer than {@code until}
 * epochs have ended (or optimizer steps were taken); on unfreezing its optimizer state may be reset
 * and its lr ramped up again over {@code rewarmupSteps} optimizer steps.
 *
 * <p>With {@code trainNorm} the group's normalization-layer parameters (by module type) keep
 * training while the rest of it is frozen, with the group's own hyperparameters: fastai's
 * {@code train_bn=True} ({@code _BaseOptimizer.freeze_to} leaves parameters marked
 * {@code force_train} trainable). Without it everything freezes, as PyTorch's
 * {@code requires_grad_(False)} on a module does.
 */
public record FreezeRule(Unit unit, long until, boolean resetStateOnUnfreeze, int rewarmupSteps, boolean trainNorm) {

  /** What {@code until} counts. */
  public enum Unit {
    EPOCH,
    STEP
  }

  public FreezeRule {
    Objects.requireNonNull(unit, "unit");
    if (until < 0 || rewarmupSteps < 0) {
      throw new IllegalArgumentException("freeze rule needs until >= 0 and rewarmupSteps >= 0, got " + until + " and " + rewarmupSteps);
    }
  }

  /** A rule that freezes every parameter of its group ({@code trainNorm = false}). */
  public FreezeRule(Unit unit, long until, boolean resetStateOnUnfreeze, int rewarmupSteps) {
    this(unit, until, resetStateOnUnfreeze, rewarmupSteps, false);
  }

  /** This rule with the group's normalization-layer parameters training while it is frozen, or not. */
  public FreezeRule withTrainNorm(boolean trainNorm) {
    return new FreezeRule(unit, until, resetStateOnUnfreeze, rewarmupSteps, trainNorm);
  }

  public static FreezeRule untilEpoch(int epoch, boolean resetStateOnUnfreeze, int rewarmupSteps) {
    return new FreezeRule(Unit.EPOCH, epoch, resetStateOnUnfreeze, rewarmupSteps);
  }

  public static FreezeRule untilStep(long step, boolean resetStateOnUnfreeze, int rewarmupSteps) {
    return new FreezeRule(Unit.STEP, step, resetStateOnUnfreeze, rewarmupSteps);
  }

  /** Whether the group is frozen with {@code epoch} epochs ended and {@code step} optimizer steps taken. */
  public boolean frozenAt(int epoch, long step) {
    return (unit == Unit.EPOCH ? epoch : step) < until;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("until_" + unit.name().toLowerCase(Locale.ROOT), until);
    map.put("on_unfreeze", resetStateOnUnfreeze ? "RESET_STATE" : "KEEP_STATE");
    map.put("rewarmup_steps", rewarmupSteps);
    if (trainNorm) {
      map.put("train_norm", true);
    }
    return map;
  }
}
