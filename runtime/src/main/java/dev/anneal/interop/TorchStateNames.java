package dev.anneal.interop;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The optimizers whose state moves to and from PyTorch's {@code optimizer.state_dict()}, with the
 * per-parameter state keys PyTorch uses for them. They are the keys the runtime's optimizers already
 * export ({@code StateLayout} of {@code Adam} and {@code Sgd}); {@code TorchOptimizerStateTest} checks
 * that the two agree. A scalar ({@code step}) is a 0-dimensional float32 tensor, as in PyTorch.
 */
final class TorchStateNames {
  private static final Map<String, List<String>> TENSORS = Map.of(
      "Adam", List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq"),
      "AdamW", List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq"),
      "SGD", List.of("momentum_buffer"));
  private static final Map<String, List<String>> SCALARS = Map.of(
      "Adam", List.of("step"),
      "AdamW", List.of("step"),
      "SGD", List.of());

  private TorchStateNames() {}

  /** Refuses an optimizer whose state this does not move, naming it and those it does. */
  static void requireSupported(String type) {
    if (!TENSORS.containsKey(type)) {
      throw new UnsupportedOperationException("moving " + type + " state to or from PyTorch's optimizer.state_dict() is "
          + "not supported yet; supported: " + supported());
    }
  }

  static String supported() {
    return String.join(", ", Set.copyOf(TENSORS.keySet()).stream().sorted().toList());
  }

  /** State tensors shaped like their parameter. */
  static List<String> tensors(String type) {
    return TENSORS.get(type);
  }

  /** State scalars, stored as 0-dimensional tensors. */
  static List<String> scalars(String type) {
    return SCALARS.get(type);
  }
}
