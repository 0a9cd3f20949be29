package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One keyword argument under its PyTorch name, for arguments without an attribute of their own.
 * The value is written as in Python: {@code "0.9"}, {@code "true"}, {@code "(0.9, 0.99)"} or a
 * word such as {@code "triangular2"}. The processor checks the name and the value's type.
 * Used only inside {@link Optimizer#kwargs()}, {@link Schedule#kwargs()} and {@link Loss#kwargs()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Kwarg {
  /** {@return the argument's PyTorch name, such as {@code "mode"}} */
  String name();

  /** {@return its value, written as in Python} */
  String value();
}
