package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The plan keeps an exponential moving average of the weights (and buffers), as torchvision's
 * classification reference keeps {@code model_ema} (the runtime's {@code ModelEma}):
 *
 * <pre>{@code
 * @Ema(decay = 0.99998, everySteps = 32, adjustedForBatch = 1024, copyDuringEpochs = 5)
 * }</pre>
 *
 * updated after the optimizer steps whose index in their epoch is a multiple of
 * {@link #everySteps()}, the first update copying the weights; read with
 * {@code plan.averagedModel()}, saved and restored with the plan's checkpoints.
 *
 * <p>With {@link #rampTau()} it is YOLOv5's {@code ModelEMA} instead ({@code ModelEma.ramp}):
 *
 * <pre>{@code
 * @Ema(decay = 0.9999, rampTau = 2000)
 * }</pre>
 *
 * a copy of the weights before the first step, then after every optimizer step the decay
 * {@code decay * (1 - exp(-updates / rampTau))}; it takes none of torchvision's attributes.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Ema {
  /** {@return {@code model_ema_decay}, in [0, 1]} */
  double decay();

  /** {@return {@code model_ema_steps}: optimizer steps between updates, at least 1} */
  int everySteps() default 1;

  /**
   * {@return {@code world_size * batch_size} of torchvision's decay adjustment, {@code alpha =
   * min(1, (1 - decay) * adjustedForBatch * everySteps / epochs)}, decay {@code 1 - alpha}; 0 for
   * the decay as given}
   */
  long adjustedForBatch() default 0;

  /**
   * {@return epochs (from the first) during which each update is followed by {@code
   * n_averaged.fill_(0)}, so the next update copies the weights: torchvision's {@code
   * lr_warmup_epochs}; at most the training's epochs}
   */
  int copyDuringEpochs() default 0;

  /**
   * {@return YOLOv5's {@code tau}: the decay of the {@code n}-th update is {@code decay * (1 -
   * exp(-n / rampTau))}, the average starting as a copy of the weights; positive, or 0 (the
   * default) for torchvision's form above}
   */
  double rampTau() default 0;
}
