package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Micro-batches per optimizer step (gradient accumulation), at least 1. The training loop multiplies
 * each micro-batch's loss by the plan's {@code lossScale(microBatchesPerEpoch)}: {@code 1 / value} by
 * default ({@link LossScale#ACCUMULATE}), or one over the micro-batches of its window with
 * {@link #lossScale()} {@code = WINDOW} (the Hugging Face Trainer), which differ in an epoch's last,
 * partial window.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Accumulate {
  /** {@return micro-batches per optimizer step, at least 1} */
  int value();

  /** {@return what each micro-batch's loss is divided by; by default {@code value} ({@link LossScale#ACCUMULATE})} */
  LossScale lossScale() default LossScale.ACCUMULATE;
}
