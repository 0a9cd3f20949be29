package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Warms the learning rate up from {@code startFactor * lr} to {@code lr}, then hands over to the
 * schedule next to it ({@link Schedule}, {@link SequentialSchedule}, {@link ChainedSchedule} or
 * {@link ReduceLrOnPlateau}), or keeps {@code lr} if there is none. On a field without a schedule
 * of its own, the group warms up and then follows its own copy of the class-level schedule,
 * shortened by the warmup. Give exactly one of {@link #epochs()} and {@link #steps()}.
 *
 * <p>{@link #steps()} before a schedule that steps once per epoch is YOLOv3-SPP's recipe (a warmup
 * of so many batches inside the first epoch, then a cosine stepped per epoch) and mmdetection's
 * "warmup iters, then step decay at epochs": the warmup's factor at the optimizer step multiplies
 * the schedule's value at that step's epoch, and the schedule keeps the whole training's length.
 * Before a per-step schedule (or none) the warmup comes first and the schedule has the rest.
 *
 * <p>{@code steps = N} reaches the full lr at step {@code N}, as mmcv's {@code warmup_iters = N};
 * mmengine's {@code LinearLR(begin=0, end=E, by_epoch=False)} reaches it at {@code E - 1}
 * ({@code total_iters = end - begin - 1}), so it is {@code steps = E - 1}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Warmup {
  /** {@return the warmup's length in epochs (or give {@link #steps()})} */
  int epochs() default 0;

  /** {@return the warmup's length in optimizer steps (or give {@link #epochs()})} */
  int steps() default 0;

  /** {@return factor of the learning rate at the first step, in [0, 1] ((0, 1] for EXPONENTIAL); the runtime's default is 0.001} */
  double startFactor() default 0.001;

  /** {@return how the factor rises from {@link #startFactor()} to 1} */
  WarmupShape shape() default WarmupShape.LINEAR;
}
