package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps this field's parameters frozen (no gradient, no update) until an epoch or an optimizer
 * step, then trains them. Give exactly one of {@link #untilEpoch()} and {@link #untilStep()}.
 * Epochs count from 0: {@code untilEpoch = 3} trains the group from the fourth epoch on.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Freeze {
  /** {@return first epoch (0-based) in which the group trains; at most the training's epochs} */
  int untilEpoch() default -1;

  /** {@return first optimizer step (0-based) at which the group trains} */
  int untilStep() default -1;

  /** {@return what happens to the optimizer state of the group when it thaws} */
  UnfreezePolicy onUnfreeze() default UnfreezePolicy.KEEP_STATE;

  /** {@return optimizer steps of linear warmup for this group after it thaws; 0 for none} */
  int rewarmupSteps() default 0;

  /**
   * What the group's BatchNorm running statistics do while it is frozen: follow the data
   * ({@code TRAIN}, PyTorch's, fastai's and Lightning's behaviour) or stay as they were
   * ({@code HOLD}). Meaningful for fields that hold buffers (a DJL {@code Block}).
   *
   * @return the policy for the running statistics
   */
  BatchNormPolicy batchNorm() default BatchNormPolicy.TRAIN;

  /**
   * Whether the field's normalization-layer parameters (BatchNorm, LayerNorm, GroupNorm, ... by
   * their module type) keep training while the rest of it is frozen, with the group's lr and weight
   * decay: fastai's {@code train_bn=True} (its default), which keeps the BatchNorm inside a frozen
   * pretrained body trainable. {@code false} by default: PyTorch's {@code requires_grad_(False)}
   * freezes every parameter. Needs {@code batchNorm = TRAIN}.
   *
   * @return whether norm layers train while the field is frozen
   */
  boolean trainNorm() default false;
}
