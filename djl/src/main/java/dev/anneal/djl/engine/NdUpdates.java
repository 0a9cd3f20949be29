package dev.anneal.djl.engine;

import dev.anneal.optim.EngineUpdate;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.Parameter;

/** The optimizers that run as engine operations, by PyTorch's name; LBFGS and Muon stay on the host. */
final class NdUpdates {
  private NdUpdates() {}

  /**
   * The update of {@code type} for {@code p}, its state named by {@code layout} (the Java
   * optimizer's), or null when there is no engine implementation.
   */
  static EngineUpdate create(String type, Parameter p, StateLayout layout) {
    return switch (type) {
      case "SGD" -> new NdSgd(p, layout);
      case "Adam" -> new NdAdam(p, layout, false);
      case "AdamW" -> new NdAdam(p, layout, true);
      case "RMSprop" -> new NdRmsProp(p, layout);
      case "Adagrad" -> new NdAdagrad(p, layout);
      case "Adadelta" -> new NdAdadelta(p, layout);
      case "Adamax" -> new NdAdamax(p, layout);
      case "NAdam" -> new NdNAdam(p, layout);
      case "RAdam" -> new NdRAdam(p, layout);
      case "ASGD" -> new NdAsgd(p, layout);
      case "Rprop" -> new NdRprop(p, layout);
      case "LAMB" -> new NdLamb(p, layout);
      case "LARS" -> new NdLars(p, layout);
      case "LayerAdaptiveAdam" -> new NdLayerAdaptiveAdam(p, layout);
      case "Adafactor" -> new NdAdafactor(p);
      default -> null;
    };
  }
}
