package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * PyTorch's {@code ReduceLROnPlateau} as the main schedule: divides every group's learning rate by
 * {@code 1 / factor} when {@link #monitor()} stops improving. The metric is read from the map given
 * to {@code plan.endEpoch(metrics)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ReduceLrOnPlateau {
  /** {@return name of the watched metric, such as {@code "val_loss"}; required} */
  String monitor() default "";

  /** {@return whether the metric should go down ({@code MIN}, a loss) or up ({@code MAX}, an accuracy)} */
  Mode mode() default Mode.MIN;

  /** {@return factor by which the learning rate is multiplied, in (0, 1)} */
  double factor() default 0.1;

  /** {@return epochs without improvement after which the lr is reduced, at least 0} */
  int patience() default 10;

  /** {@return the least change that counts as an improvement (see {@link #thresholdMode()}), at least 0} */
  double threshold() default 1e-4;

  /** {@return whether {@link #threshold()} is relative to the best value or absolute} */
  ThresholdMode thresholdMode() default ThresholdMode.REL;

  /** {@return epochs to wait after a reduction before counting bad epochs again, at least 0} */
  int cooldown() default 0;

  /** {@return the lowest lr a group is reduced to, at least 0} */
  double minLr() default 0.0;

  /** {@return the smallest reduction applied: a smaller change of the lr is skipped} */
  double eps() default 1e-8;

  /** Direction of improvement of the watched metric. */
  enum Mode {
    /** Lower is better (a loss). */
    MIN,
    /** Higher is better (an accuracy). */
    MAX
  }

  /** Whether {@link #threshold()} is relative to the best value or absolute. */
  enum ThresholdMode {
    /** Better means beyond {@code best * (1 - threshold)} ({@code MIN}) or {@code best * (1 + threshold)} ({@code MAX}). */
    REL,
    /** Better means beyond {@code best - threshold} ({@code MIN}) or {@code best + threshold} ({@code MAX}). */
    ABS
  }
}
