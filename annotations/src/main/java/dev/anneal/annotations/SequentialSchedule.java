package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Phases: PyTorch's {@code SequentialLR}. Schedule {@code i + 1} takes over at
 * {@code milestones[i]}; there is one milestone fewer than schedules, strictly increasing, in the
 * phases' common interval.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface SequentialSchedule {
  /** {@return the phases' schedules, in order} */
  Schedule[] value();

  /** {@return where each phase after the first begins, strictly increasing, one fewer than the schedules} */
  int[] milestones();
}
