package dev.anneal.schedule;

import java.util.List;
import java.util.Map;

/**
 * The contract of {@code torch.optim.lr_scheduler.LRScheduler}: construction counts as step 0 and
 * writes the first learning rates into the optimizer's groups; each {@link #step()} advances one
 * unit (an optimizer step or an epoch, as the plan decides) and writes the new values.
 */
public interface LrScheduler {

  /** Advances one unit and writes lr (and momentum or beta1 where this scheduler cycles it). */
  void step();

  /** {@return PyTorch's {@code get_last_lr()}: the lr of each group after the latest step} */
  List<Double> lastLr();

  /** {@return everything needed to continue exactly, as JSON-friendly values} */
  Map<String, Object> stateDict();

  /** Restores {@link #stateDict()}; a state of another scheduler or shape is refused whole. */
  void loadStateDict(Map<String, Object> state);
}
