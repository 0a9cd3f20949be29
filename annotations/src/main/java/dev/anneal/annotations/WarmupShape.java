package dev.anneal.annotations;

/** How a {@link Warmup} rises: the runtime's LinearWarmup, ConstantWarmup, CosineWarmup, ExponentialWarmup. */
public enum WarmupShape {
  /** The factor rises in a straight line. */
  LINEAR("LinearWarmup"),
  /** The factor stays at the start factor, then jumps to 1. */
  CONSTANT("ConstantWarmup"),
  /** The factor rises along half a cosine. */
  COSINE("CosineWarmup"),
  /** The factor rises geometrically. */
  EXPONENTIAL("ExponentialWarmup");

  private final String pytorchName;

  WarmupShape(String pytorchName) {
    this.pytorchName = pytorchName;
  }

  /** {@return the runtime's name of the warmup} */
  public String pytorchName() {
    return pytorchName;
  }
}
