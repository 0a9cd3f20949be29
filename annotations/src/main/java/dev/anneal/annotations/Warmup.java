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
 * Before a per-step schedule (or none) the warmup comes first and the schedule has the rest,
 * unless {@link #multipliesSchedule()} says otherwise.
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

  /**
   * With {@link #epochs()} before a schedule stepped per epoch: a warmup of
   * {@code max(epochs * stepsPerEpoch, minSteps)} optimizer steps, multiplying that schedule as
   * {@link #steps()} does. YOLOv5's {@code nw = max(round(warmup_epochs * nb), 100)} is
   * {@code epochs = 3, minSteps = 100}. 0: not given.
   *
   * @return the fewest optimizer steps of the warmup, positive when given
   */
  int minSteps() default 0;

  /** {@return factor of the learning rate at the first step, in [0, 1] ((0, 1] for EXPONENTIAL); the runtime's default is 0.001} */
  double startFactor() default 0.001;

  /** {@return how the factor rises from {@link #startFactor()} to 1} */
  WarmupShape shape() default WarmupShape.LINEAR;

  /**
   * Whether the warmup's factor multiplies the schedule's value at the same optimizer step, the
   * schedule counting from step 0 and keeping the whole training's length (its milestones land where
   * written). This is detectron2's {@code WarmupParamScheduler} under {@code LRMultiplier}: at
   * iteration {@code i < warmup_iters} the lr is {@code base_lr * schedule(i) * (f * (1 - a) + a)},
   * {@code a = i / warmup_iters}. The warmup counts optimizer steps ({@link #epochs()} is converted
   * to steps). Without it, a per-step schedule starts after the warmup.
   *
   * @return whether the warmup multiplies the schedule from step 0
   */
  boolean multipliesSchedule() default false;

  /**
   * The lr of the first step, absolute, in place of {@link #startFactor()}: the lr moves in a straight
   * line from it to the scheduled lr, falling if it is larger (YOLOv5's {@code warmup_bias_lr}: the
   * biases start at 0.1 while the other groups rise from 0). Only for a LINEAR warmup of
   * {@link #steps()} before a schedule stepped per epoch; not given: NaN.
   *
   * @return the start lr, at least 0
   */
  double startLr() default Double.NaN;

  /**
   * The momentum (beta1 of the Adam family) of the first step, moving in a straight line to the
   * group's over the warmup (YOLOv5's {@code warmup_momentum} 0.8 up to {@code momentum} 0.937).
   * Only for a LINEAR warmup of {@link #steps()} before a schedule stepped per epoch, and an
   * optimizer with momentum or betas; not given: NaN.
   *
   * @return the start momentum, in [0, 1)
   */
  double startMomentum() default Double.NaN;

  /**
   * On the class's warmup of {@link #steps()} before a schedule stepped per epoch: that schedule
   * skips its step at the end of the epoch where the warmup ends, so from then on it runs one epoch
   * late. This is Ultralytics' (YOLOv5's) {@code scheduler.last_epoch = start_epoch - 1} after
   * building its LambdaLR, while the warmup aims at {@code initial_lr * lf(epoch)}.
   *
   * @return whether the schedule is held one epoch after the warmup
   */
  boolean holdAfter() default false;
}
