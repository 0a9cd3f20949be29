package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Clips the total gradient norm before each optimizer step, as PyTorch's {@code clip_grad_norm_}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ClipGradNorm {
  /** {@return {@code max_norm}, positive} */
  double value();

  /** {@return {@code norm_type}, positive (or infinity)} */
  double normType() default 2.0;

  /** {@return {@code error_if_nonfinite}} */
  boolean errorIfNonfinite() default false;
}
