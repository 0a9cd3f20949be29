package dev.anneal.optim;

import dev.anneal.param.FloatStorage;

/** The kinds of memory Java kernels step: a {@code float[]}, and off-heap memory as engines' CPU tensors are viewed. */
public enum HostStorage implements StorageKind {
  HEAP {
    @Override
    public FloatStorage create(float[] values, int[] shape) {
      return FloatStorage.wrap(values.clone());
    }
  },
  DIRECT {
    @Override
    public FloatStorage create(float[] values, int[] shape) {
      FloatStorage storage = FloatStorage.direct(values.length);
      storage.copyFrom(values);
      return storage;
    }
  };

  @Override
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
