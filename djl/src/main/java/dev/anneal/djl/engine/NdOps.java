package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.anneal.optim.EngineOptimizers;
import dev.anneal.optim.EngineUpdate;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineOps;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;
import java.util.List;

/**
 * The plan's gradient passes and the optimizers' updates as DJL operations on the tensors' own
 * device. A pass over many tensors ends in one array read back to the host (the per-tensor norms,
 * the non-finite flags): one synchronization per pass, not per tensor.
 */
public final class NdOps implements EngineOps, EngineOptimizers {
  static final NdOps INSTANCE = new NdOps();

  private NdOps() {}

  @Override
  public float[] norms(List<EngineStorage> tensors, double ord) {
    if (tensors.isEmpty()) {
      return new float[0];
    }
    try (Temps t = new Temps()) {
      NDList norms = new NDList(tensors.size());
      for (EngineStorage tensor : tensors) {
        norms.add(t.keep(norm(t, array(tensor), ord).reshape(1)));
      }
      return t.keep(NDArrays.concat(norms)).toFloatArray();
    }
  }

  /** {@code torch.linalg.vector_norm(x, ord)} of the whole tensor, as a one-element tensor. */
  private static NDArray norm(Temps t, NDArray x, double ord) {
    if (ord == 2) {
      return t.keep(x.norm());
    }
    NDArray abs = t.keep(x.abs());
    if (ord == Double.POSITIVE_INFINITY) {
      return t.keep(abs.max());
    }
    if (ord == Double.NEGATIVE_INFINITY) {
      return t.keep(abs.min());
    }
    if (ord == 1) {
      return t.keep(abs.sum());
    }
    if (ord == 0) {
      return t.keep(t.keep(t.keep(x.neq(0)).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)).sum());
    }
    return t.keep(t.keep(t.keep(abs.pow(ord)).sum()).pow(1.0 / ord));
  }

  @Override
  public int firstNonFinite(List<EngineStorage> tensors) {
    if (tensors.isEmpty()) {
      return -1;
    }
    try (Temps t = new Temps()) {
      NDArray zero = t.keep(t.keep(array(tensors.get(0)).getManager().create(0f)).toDevice(array(tensors.get(0)).getDevice(), false));
      NDList flags = new NDList(tensors.size());
      for (EngineStorage tensor : tensors) {
        // x * 0 is NaN exactly where x is NaN or infinite; its sum is NaN iff any is.
        flags.add(t.keep(t.keep(t.keep(array(tensor).mul(zero)).sum()).reshape(1)));
      }
      NDArray all = t.keep(NDArrays.concat(flags));
      if (!Float.isNaN(t.keep(all.sum()).getFloat())) {
        return -1; // the usual answer, from one value read back
      }
      float[] sums = all.toFloatArray();
      for (int i = 0; i < sums.length; i++) {
        if (Float.isNaN(sums[i])) {
          return i;
        }
      }
      return -1;
    }
  }

  @Override
  public void scale(List<EngineStorage> tensors, float factor) {
    if (tensors.isEmpty()) {
      return;
    }
    try (Temps t = new Temps()) {
      NDArray onDevice = t.keep(t.keep(array(tensors.get(0)).getManager().create(factor))
          .toDevice(array(tensors.get(0)).getDevice(), false));
      for (EngineStorage tensor : tensors) {
        array(tensor).muli(onDevice);
      }
    }
  }

  @Override
  public void clamp(List<EngineStorage> tensors, float lo, float hi) {
    try (Temps t = new Temps()) {
      for (EngineStorage tensor : tensors) {
        assign(array(tensor), t.keep(array(tensor).clip(lo, hi)));
      }
    }
  }

  @Override
  public void fill(EngineStorage tensor, float value) {
    NdStorage nd = (NdStorage) tensor;
    if (value == 0f && nd.owner() instanceof PtNDArray owner) {
      JniUtils.zeroGrad(owner); // grad.zero_(): one launch, no scalar upload
      return;
    }
    nd.array().set(new NDIndex("..."), value);
  }

  @Override
  public EngineStorage zerosLike(EngineStorage tensor) {
    return new NdStorage(array(tensor).zerosLike());
  }

  @Override
  public EngineUpdate update(String type, Parameter p, ParamGroup group, StateLayout layout) {
    return NdUpdates.create(type, p, layout);
  }

  /** PyTorch's {@code weight.grad.zero_()} on the weight's device; nothing when it has no gradient yet. */
  public static void zeroGrad(NDArray weight) {
    if (weight instanceof PtNDArray pt) {
      JniUtils.zeroGrad(pt);
    } else if (weight.hasGradient()) {
      NDArray grad = weight.getGradient();
      grad.muli(0f);
    }
  }

  /**
   * Overwrites {@code target} in place with {@code source}, moved to the target's device (a
   * device-to-device copy; the same tensor object, so views and DJL's references stay valid).
   */
  public static void copyInto(NDArray target, NDArray source) {
    if (source.getDevice().equals(target.getDevice())) {
      assign(target, source);
    } else {
      try (NDArray moved = source.toDevice(target.getDevice(), true)) {
        assign(target, moved);
      }
    }
  }

  /** Overwrites {@code target} in place with {@code source} (same shape and device). */
  static void assign(NDArray target, NDArray source) {
    target.set(new NDIndex("..."), source);
  }

  /**
   * {@code torch.where(condition, x, y)}, broadcasting as PyTorch does ({@code NDArrays.where}
   * refuses an {@code x} shaped unlike the condition, such as a 0-d scalar).
   */
  static NDArray where(NDArray condition, NDArray x, NDArray y) {
    return JniUtils.where((PtNDArray) condition, (PtNDArray) x, (PtNDArray) y);
  }

  static NDArray array(EngineStorage tensor) {
    return ((NdStorage) tensor).array();
  }
}
