package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A learning-rate schedule: on the class for every group, on a field for that field's group
 * alone (replacing the class-level one for it). Each attribute is the schedule's argument of the
 * same Java name ({@code stepSize} is {@code step_size}, {@code tMax} is {@code T_max}); only the
 * attributes that apply to {@link #type()} may be written, and the processor reports any other. An
 * attribute left out takes the schedule's own default (PyTorch's), whatever is written here; the
 * processor reports a required one that is missing. Lengths left out are derived from the
 * training: {@code T_max}, {@code total_steps}, {@code num_training_steps} and {@code t_initial}
 * default to the training's length in the schedule's {@link #interval()}, less any warmup.
 * Arguments without an attribute go in {@link #kwargs()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Schedule {
  /** {@return a built-in schedule; leave it out and give {@link #custom()} for one of your own} */
  ScheduleType type() default ScheduleType.CUSTOM;

  /** {@return the name of a schedule registered with its descriptor (a {@code DescriptorProvider} on the processor path)} */
  String custom() default "";

  /** {@return whether the schedule steps once per optimizer step or once per epoch} */
  Interval interval() default Interval.EPOCH;

  /** {@return {@code step_size} of STEP, at least 1; required} */
  int stepSize() default 0;

  /** {@return {@code gamma} of STEP, MULTI_STEP, EXPONENTIAL, COSINE_ANNEALING_WARMUP_RESTARTS (and CYCLIC's exp_range)} */
  double gamma() default 0.1;

  /** {@return {@code milestones} of MULTI_STEP, strictly increasing, in the schedule's interval} */
  int[] milestones() default {};

  /** {@return {@code factor} of CONSTANT} */
  double factor() default 1.0 / 3;

  /** {@return {@code start_factor} of LINEAR} */
  double startFactor() default 1.0 / 3;

  /** {@return {@code end_factor} of LINEAR} */
  double endFactor() default 1.0;

  /** {@return {@code total_iters} of CONSTANT, LINEAR, POLYNOMIAL} */
  int totalIters() default 5;

  /** {@return {@code power} of POLYNOMIAL and POLYNOMIAL_WITH_WARMUP} */
  double power() default 1.0;

  /** {@return {@code T_max} of COSINE; by default the rest of the training} */
  int tMax() default 0;

  /** {@return {@code eta_min} of COSINE and COSINE_WARM_RESTARTS} */
  double etaMin() default 0.0;

  /** {@return {@code lr_min} of TIMM_COSINE} */
  double lrMin() default 0.0;

  /** {@return {@code T_0} of COSINE_WARM_RESTARTS, at least 1; required} */
  int t0() default 0;

  /** {@return {@code T_mult} of COSINE_WARM_RESTARTS} */
  int tMult() default 1;

  /** {@return {@code base_lr} of CYCLIC; required} */
  double baseLr() default 0.0;

  /** {@return {@code max_lr} of CYCLIC and ONE_CYCLE (required there) and of COSINE_ANNEALING_WARMUP_RESTARTS} */
  double maxLr() default 0.0;

  /** {@return {@code step_size_up} of CYCLIC} */
  double stepSizeUp() default 2000;

  /** {@return {@code cycle_momentum} of CYCLIC and ONE_CYCLE: needs an optimizer with momentum or betas} */
  boolean cycleMomentum() default true;

  /** {@return {@code pct_start} of ONE_CYCLE, in [0, 1]} */
  double pctStart() default 0.3;

  /** {@return {@code total_steps} of ONE_CYCLE; by default the training's length} */
  int totalSteps() default 0;

  /** {@return {@code num_warmup_steps} of the *_WITH_WARMUP recipes, INVERSE_SQRT and WARMUP_STABLE_DECAY; required} */
  int numWarmupSteps() default 0;

  /** {@return {@code num_training_steps} of the *_WITH_WARMUP recipes and WARMUP_STABLE_DECAY; by default the training's length} */
  int numTrainingSteps() default 0;

  /** {@return {@code first_cycle_steps} of COSINE_ANNEALING_WARMUP_RESTARTS, at least 1; required} */
  int firstCycleSteps() default 0;

  /** {@return {@code cycle_mult} of COSINE_ANNEALING_WARMUP_RESTARTS} */
  double cycleMult() default 1.0;

  /** {@return {@code min_lr} of COSINE_ANNEALING_WARMUP_RESTARTS} */
  double minLr() default 0.001;

  /** {@return {@code warmup_steps} of COSINE_ANNEALING_WARMUP_RESTARTS, below {@code firstCycleSteps}} */
  int warmupSteps() default 0;

  /** {@return any other keyword argument of the schedule, under its PyTorch name} */
  Kwarg[] kwargs() default {};

  /** {@return {@code warmup_updates} of FAIRSEQ_INVERSE_SQRT (fairseq's {@code --warmup-updates}), at least 1; fairseq's default 4000} */
  int warmupUpdates() default 4000;

  /** {@return {@code warmup_init_lr} of FAIRSEQ_INVERSE_SQRT (fairseq's {@code --warmup-init-lr}): the lr at update 0; negative (fairseq's default -1) means 0} */
  double warmupInitLr() default -1;

  /**
   * {@return {@code warmup_ratio} of LINEAR_WITH_WARMUP, COSINE_WITH_WARMUP, COSINE_WITH_HARD_RESTARTS_WITH_WARMUP and
   * POLYNOMIAL_WITH_WARMUP, in [0, 1): the Hugging Face Trainer's {@code warmup_ratio}, {@code num_warmup_steps =
   * ceil(warmup_ratio * num_training_steps)}; give it or {@link #numWarmupSteps()}}
   */
  double warmupRatio() default 0;
}
