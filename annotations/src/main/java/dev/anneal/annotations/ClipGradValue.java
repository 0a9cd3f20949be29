package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Clips every gradient element to [-value, value] before each optimizer step, as {@code clip_grad_value_}; positive. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ClipGradValue {
  /** {@return the bound of every gradient element, positive} */
  double value();
}
