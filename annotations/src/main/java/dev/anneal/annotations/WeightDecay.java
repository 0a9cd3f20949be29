package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** This field's group {@code weight_decay}, at least 0 ({@code 0} for biases and norms). */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface WeightDecay {
  /** {@return the group's weight decay, at least 0} */
  double value();
}
