package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The optimizer and its class-level hyperparameters, the defaults of every group. Fields override
 * them with {@link LearningRate}, {@link WeightDecay}, {@link Momentum}, {@link Betas} and
 * {@link Hyperparameter}. Hyperparameters without an attribute here go in {@link #kwargs()}, for
 * example {@code kwargs = @Kwarg(name = "nesterov", value = "true")}. Names, defaults and valid
 * ranges are the optimizer's descriptor's (PyTorch's); an attribute left out takes the
 * optimizer's own default, not the one written here.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Optimizer {
  /** {@return a built-in optimizer; leave it out and give {@link #custom()} for one of your own} */
  OptimizerType type() default OptimizerType.CUSTOM;

  /** {@return the name of an optimizer registered with its descriptor (a {@code DescriptorProvider} on the processor path)} */
  String custom() default "";

  /** {@return learning rate, at least 0} */
  double lr();

  /** {@return PyTorch's {@code weight_decay}, at least 0} */
  double weightDecay() default 0.0;

  /** {@return PyTorch's {@code momentum} (SGD, RMSprop, LARS), at least 0} */
  double momentum() default 0.0;

  /** {@return PyTorch's {@code betas}: two values, each in [0, 1)} */
  double[] betas() default {0.9, 0.999};

  /** {@return PyTorch's {@code eps}, at least 0} */
  double eps() default 1e-8;

  /** {@return any other keyword argument of the optimizer, under its PyTorch name} */
  Kwarg[] kwargs() default {};
}
