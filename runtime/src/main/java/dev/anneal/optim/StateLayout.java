package dev.anneal.optim;

import java.util.List;

/**
 * The PyTorch names of an element-wise optimizer's per-parameter state: the tensors in kernel slot
 * order ({@code s0..s2}), of which the first {@code required} exist from the first step (the rest
 * appear when an option needs them, and may be absent from a checkpoint), and the scalars. Public
 * so that an engine's implementation of the same optimizer exports under the same names.
 *
 * @param tensors the state tensors' PyTorch names, in kernel slot order
 * @param required how many of the first tensors every state has
 * @param scalars the state scalars' PyTorch names
 */
public record StateLayout(List<String> tensors, int required, List<String> scalars) {
  /** Checks that a kernel can take the tensors. */
  public StateLayout {
    tensors = List.copyOf(tensors);
    scalars = List.copyOf(scalars);
    if (tensors.size() > 3 || required > tensors.size()) {
      throw new IllegalArgumentException("a kernel takes up to 3 state tensors, " + required + " required: " + tensors);
    }
  }

  /** Tensors present from the first step, and the scalar {@code step}. */
  static StateLayout of(String... required) {
    return new StateLayout(List.of(required), required.length, List.of("step"));
  }

  /** Adds tensors created only when an option needs them. */
  StateLayout optional(String... names) {
    List<String> all = new java.util.ArrayList<>(tensors);
    all.addAll(List.of(names));
    return new StateLayout(all, required, scalars);
  }

  /** Replaces the scalars ({@code step} by default). */
  StateLayout withScalars(String... names) {
    return new StateLayout(tensors, required, List.of(names));
  }
}
