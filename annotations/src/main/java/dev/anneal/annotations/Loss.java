package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The training loss, one of PyTorch's 21 {@code torch.nn} losses or one registered with its
 * descriptor ({@link #custom()}), with its keyword arguments. The processor checks them against
 * the loss's descriptor (names, ranges, choices; {@code weight} and {@code pos_weight} against
 * {@link #classes()} when given) and the generated {@code <Model>Training} hands the configured
 * loss out from {@code loss()}, built with the loss's typed builder ({@code dev.anneal.djl.loss},
 * so the model's project depends on {@code anneal-djl}).
 *
 * <pre>{@code
 * @Loss(type = LossType.CROSS_ENTROPY, labelSmoothing = 0.1)
 * @Loss(type = LossType.HUBER, kwargs = @Kwarg(name = "delta", value = "0.5"))
 * @Loss(custom = "FocalLoss", kwargs = @Kwarg(name = "gamma", value = "2"))
 * }</pre>
 *
 * An attribute left out takes PyTorch's default, as the loss's descriptor says; the defaults written
 * below only mark an attribute as not given (the processor reads the attributes written).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Loss {
  /** {@return a built-in loss; leave it out and give {@link #custom()} for one of your own} */
  LossType type() default LossType.CUSTOM;

  /**
   * The name of a loss registered with its descriptor (a {@code LossProvider} of
   * {@code dev.anneal.djl.loss}, found as a {@code DescriptorProvider} service on the processor
   * path and at run time); the generated {@code loss()} builds it with {@code Losses.create}.
   *
   * @return the registered name
   */
  String custom() default "";

  /** {@return PyTorch's {@code reduction}, {@code "mean"}, {@code "sum"} or {@code "none"} ({@code "batchmean"} for KL_DIV)} */
  String reduction() default "";

  /** {@return PyTorch's {@code weight}: one rescaling weight per class (CrossEntropy, NLL, BCE, MultiLabelSoftMargin, MultiMargin)} */
  double[] weight() default {};

  /** {@return PyTorch's {@code label_smoothing} of CrossEntropyLoss, in [0, 1]} */
  double labelSmoothing() default Double.NaN;

  /** {@return PyTorch's {@code ignore_index} of CrossEntropyLoss and NLLLoss} */
  int ignoreIndex() default Integer.MIN_VALUE;

  /** {@return PyTorch's {@code margin} of the margin and triplet losses} */
  double margin() default Double.NaN;

  /**
   * {@return the number of classes, when known, or 0}
   * {@code weight} and {@code pos_weight} must then have as many entries.
   */
  int classes() default 0;

  /** {@return any other keyword arguments, under their PyTorch names, such as {@code @Kwarg(name = "delta", value = "0.5")}} */
  Kwarg[] kwargs() default {};
}
