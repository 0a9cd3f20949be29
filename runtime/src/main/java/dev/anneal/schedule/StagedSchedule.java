package dev.anneal.schedule;

/**
 * A schedule made of stages that each begin with a fresh optimizer state: fastai's {@code fine_tune}
 * (its {@code Learner.freeze_to} calls {@code opt.clear_state()} before each fit) and ULMFiT's
 * gradual unfreezing (one new optimizer per stage's {@code fit}). After each step of the schedule,
 * the plan clears the optimizer state of {@link #stageGroups()} when {@link #stageBegins()}; a
 * checkpoint taken after that holds the cleared state, so a resumed run clears nothing twice.
 */
public interface StagedSchedule {

  /** {@return whether the position this schedule has just stepped to is the first of a stage after the first} */
  boolean stageBegins();

  /** {@return the groups whose optimizer state a new stage clears} */
  GroupSource stageGroups();
}
