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
}
