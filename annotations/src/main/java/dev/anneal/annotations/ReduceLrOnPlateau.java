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
  /** Name of the watched metric, such as {@code "val_loss"}; required. */
  String monitor() default "";

  /** Whether the metric should go down ({@code MIN}, a loss) or up ({@code MAX}, an accuracy). */
  Mode mode() default Mode.MIN;

  /** Factor by which the learning rate is multiplied, in (0, 1). */
  double factor() default 0.1;

  int patience() default 10;

  double threshold() default 1e-4;

  ThresholdMode thresholdMode() default ThresholdMode.REL;

  int cooldown() default 0;

  double minLr() default 0.0;

  double eps() default 1e-8;

  /** Direction of improvement of the watched metric. */
  enum Mode { MIN, MAX }

  /** Whether {@link #threshold()} is relative to the best value or absolute. */
  enum ThresholdMode { REL, ABS }
}
