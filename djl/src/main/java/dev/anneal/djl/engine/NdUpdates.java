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
      default -> null;
    };
  }
}
