package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides one optimizer hyperparameter for this field's group, under its PyTorch name, when it
 * has no annotation of its own: {@code @Hyperparameter(name = "nesterov", value = "true")}. The
 * value is written as in Python (see {@link Kwarg}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
@Repeatable(Hyperparameters.class)
public @interface Hyperparameter {
  /** {@return the hyperparameter's PyTorch name, such as {@code "nesterov"}} */
  String name();

  /** {@return its value, written as in Python} */
  String value();
}
