package dev.anneal.annotations;

/**
 * The runtime's optimizers, each named by its PyTorch class name ({@link #pytorchName()}); {@link #CUSTOM}
 * for one registered by name ({@link Optimizer#custom()}).
 */
public enum OptimizerType {
  SGD("SGD"),
  ADAM("Adam"),
  ADAMW("AdamW"),
  ADAGRAD("Adagrad"),
  RMSPROP("RMSprop"),
  ADADELTA("Adadelta"),
  ADAMAX("Adamax"),
  NADAM("NAdam"),
  RADAM("RAdam"),
  RPROP("Rprop"),
  ASGD("ASGD"),
  LBFGS("LBFGS"),
  LAMB("LAMB"),
  LARS("LARS"),
  LAYER_ADAPTIVE_ADAM("LayerAdaptiveAdam"),
  /** An optimizer registered with its descriptor, named by {@link Optimizer#custom()}. */
  CUSTOM("");

  private final String pytorchName;

  OptimizerType(String pytorchName) {
    this.pytorchName = pytorchName;
  }

  /** The type name the runtime's {@code Optimizers.create} and PyTorch know. */
  public String pytorchName() {
    return pytorchName;
  }
}
