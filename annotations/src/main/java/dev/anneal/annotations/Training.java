package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model class whose fields hold parameters to train, and says how long training lasts.
 * The processor generates {@code <Model>Training} next to it.
 *
 * <pre>{@code
 * @Training(epochs = 12)
 * @Optimizer(type = OptimizerType.ADAMW, lr = 1e-3, weightDecay = 0.05)
 * class Classifier { @LearningRate(1e-4) Layer stem; Layer head; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Training {
  /** Value of {@link #stepsPerEpoch()} meaning: passed to the generated {@code plan} at run time. */
  int AT_RUN_TIME = 0;

  /** {@return number of epochs, positive} */
  int epochs();

  /**
   * Optimizer steps per epoch when known at compile time (then the generated class also offers
   * {@code plan(model)} and the preview can show step-interval schedules); {@link #AT_RUN_TIME}
   * otherwise.
   *
   * @return the steps per epoch, or {@link #AT_RUN_TIME}
   */
  int stepsPerEpoch() default AT_RUN_TIME;
}
