package dev.anneal.djl.engine;

import dev.anneal.optim.EngineUpdate;
import dev.anneal.param.Parameter;

/** The optimizers that run as engine operations, by PyTorch's name; LBFGS and Muon stay on the host. */
final class NdUpdates {
  private NdUpdates() {}

  /** The update of {@code type} for {@code p}, or null when there is no engine implementation. */
  static EngineUpdate create(String type, Parameter p) {
    return switch (type) {
      case "SGD" -> new NdSgd(p);
      case "Adam" -> new NdAdam(p, false);
      case "AdamW" -> new NdAdam(p, true);
      case "RMSprop" -> new NdRmsProp(p);
      case "Adagrad" -> new NdAdagrad(p);
      case "Adadelta" -> new NdAdadelta(p);
      case "Adamax" -> new NdAdamax(p);
      case "NAdam" -> new NdNAdam(p);
      case "RAdam" -> new NdRAdam(p);
      case "ASGD" -> new NdAsgd(p);
      case "Rprop" -> new NdRprop(p);
      case "LAMB" -> new NdLamb(p);
      case "LARS" -> new NdLars(p);
      case "LayerAdaptiveAdam" -> new NdLayerAdaptiveAdam(p);
      case "Adafactor" -> new NdAdafactor(p);
      default -> null;
    };
  }
}
