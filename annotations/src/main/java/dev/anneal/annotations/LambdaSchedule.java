package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.IntToDoubleFunction;

/**
 * PyTorch's {@code LambdaLR} (lr = base lr times {@code f(step)}) or, with {@link #multiplicative()},
 * {@code MultiplicativeLR} (lr times {@code f(step)} at every step), with a Java function: a
 * non-abstract class with a no-argument constructor that the generated code instantiates. On the
 * class for every group, on a field for that group alone. Cannot follow a {@link Warmup}; write
 * the warmup into the function instead.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface LambdaSchedule {
  /** {@return the function of the step (or epoch) that gives the factor} */
  Class<? extends IntToDoubleFunction> value();

  /** {@return whether the factor multiplies the current lr at each step ({@code MultiplicativeLR}) rather than the base lr} */
  boolean multiplicative() default false;

  /** {@return whether the function's argument counts optimizer steps or epochs} */
  Interval interval() default Interval.EPOCH;
}
