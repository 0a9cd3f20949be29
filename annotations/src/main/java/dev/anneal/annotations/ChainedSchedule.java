package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Chaining: PyTorch's {@code ChainedScheduler}; every schedule steps each time, their factors multiply. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface ChainedSchedule {
  /** {@return the schedules whose factors multiply} */
  Schedule[] value();
}
