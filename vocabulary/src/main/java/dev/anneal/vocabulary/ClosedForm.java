package dev.anneal.vocabulary;

import java.util.List;

/**
 * A schedule's lr as a pure function of the position (PyTorch's {@code _get_closed_form_lr} where it
 * has one): given the resolved arguments and the curves of its children (for composites such as
 * SequentialLR and the warmups; empty otherwise). The runtime's tests and the processor's preview
 * both evaluate schedules through this, so there is one formula per schedule.
 */
@FunctionalInterface
public interface ClosedForm {
  /**
   * The curve for these arguments, or {@code null} when this combination has no closed form
   * (ChainedScheduler of a child that is not proportional, CyclicLR with a {@code scale_fn}).
   */
  LrCurve curve(Values args, List<LrCurve> children);
}
