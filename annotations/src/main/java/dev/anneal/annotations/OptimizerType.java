package dev.anneal.annotations;

/**
 * The runtime's optimizers, each named by its PyTorch class name ({@link #pytorchName()}); {@link #CUSTOM}
 * for one registered by name ({@link Optimizer#custom()}).
 */
public enum OptimizerType {
  /** {@code torch.optim.SGD}. */
  SGD("SGD"),
  /** {@code torch.optim.Adam}. */
  ADAM("Adam"),
  /** {@code torch.optim.AdamW}. */
  ADAMW("AdamW"),
  /** {@code torch.optim.Adagrad}. */
  ADAGRAD("Adagrad"),
  /** {@code torch.optim.RMSprop}. */
  RMSPROP("RMSprop"),
  /** {@code torch.optim.Adadelta}. */
  ADADELTA("Adadelta"),
  /** {@code torch.optim.Adamax}. */
  ADAMAX("Adamax"),
  /** {@code torch.optim.NAdam}. */
  NADAM("NAdam"),
  /** {@code torch.optim.RAdam}. */
  RADAM("RAdam"),
  /** {@code torch.optim.Rprop}. */
  RPROP("Rprop"),
  /** {@code torch.optim.ASGD}. */
  ASGD("ASGD"),
  /** {@code torch.optim.LBFGS}. */
  LBFGS("LBFGS"),
  /** Layer-wise adaptive moments (timm's {@code Lamb}). */
  LAMB("LAMB"),
  /** Layer-wise adaptive rate scaling (timm's {@code Lars}). */
  LARS("LARS"),
  /** Adam whose step is scaled per parameter by the ratio of weight and update norms. */
  LAYER_ADAPTIVE_ADAM("LayerAdaptiveAdam"),
  /** An optimizer registered with its descriptor, named by {@link Optimizer#custom()}. */
  CUSTOM("");

  private final String pytorchName;

  OptimizerType(String pytorchName) {
    this.pytorchName = pytorchName;
  }

  /** {@return the type name the runtime's {@code Optimizers.create} and PyTorch know} */
  public String pytorchName() {
    return pytorchName;
  }
}
