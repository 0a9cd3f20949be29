package dev.anneal.annotations;

/** How a {@link Warmup} rises: the runtime's LinearWarmup, ConstantWarmup, CosineWarmup, ExponentialWarmup. */
public enum WarmupShape {
  LINEAR("LinearWarmup"),
  CONSTANT("ConstantWarmup"),
  COSINE("CosineWarmup"),
  EXPONENTIAL("ExponentialWarmup");

  private final String pytorchName;

  WarmupShape(String pytorchName) {
    this.pytorchName = pytorchName;
  }

  public String pytorchName() {
    return pytorchName;
  }
}
