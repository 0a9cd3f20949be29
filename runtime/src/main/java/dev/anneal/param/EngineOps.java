package dev.anneal.param;

import java.util.List;

/**
 * What the plan does to gradients between backward and the optimizer (norms for clipping, the
 * non-finite check, scaling, zeroing), as operations of the engine that holds them. Each call
 * covers a whole list of tensors and returns at most one small array to the host, so a step
 * synchronizes with the device once per question, not once per tensor.
 */
public interface EngineOps {

  /** Each tensor's norm of order {@code ord} (as {@code torch.linalg.vector_norm}), rounded to float. */
  float[] norms(List<EngineStorage> tensors, double ord);

  /** The index in {@code tensors} of the first holding a NaN or an infinity, or -1. */
  int firstNonFinite(List<EngineStorage> tensors);

  /** Multiplies every tensor by {@code factor} in place. */
  void scale(List<EngineStorage> tensors, float factor);

  /** Clamps every value into {@code [lo, hi]} in place (NaN stays NaN). */
  void clamp(List<EngineStorage> tensors, float lo, float hi);

  /** Sets every value of the tensor in place (NaN and infinities included). */
  void fill(EngineStorage tensor, float value);

  /** A new zero-filled tensor of the same size on the same device. */
  EngineStorage zerosLike(EngineStorage tensor);
}
