package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** This field's group {@code betas}: two values, each in [0, 1). */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Betas {
  /** {@return {@code beta1} and {@code beta2}, each in [0, 1)} */
  double[] value();
}
