package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;

/**
 * {@code torch.optim.SGD}'s {@code _single_tensor_sgd} as engine operations: maximize, weight
 * decay, momentum with dampening, Nesterov; the buffer starts as a copy of the first gradient.
 */
final class NdSgd extends NdUpdate {
  NdSgd(Parameter p, StateLayout layout) {
    super(p, layout);
  }

  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    double momentum = group.getDouble("momentum");
    double wd = group.getDouble("weight_decay");
    NDArray s = scalars((float) wd, (float) momentum, (float) (1 - group.getDouble("dampening")), (float) -group.lr());
    try (Temps t = new Temps()) {
      NDArray grad = gradient(t, group, param, gradient, wd, false, null, s.get(0));
      if (momentum != 0) {
        NDArray buf = state.get("momentum_buffer");
        if (buf == null) {
          buf = grad.duplicate();
          putTensor("momentum_buffer", buf);
        } else {
          buf.muli(t.keep(s.get(1))).addi(t.keep(grad.mul(t.keep(s.get(2)))));
        }
        grad = group.getBoolean("nesterov") ? t.keep(grad.add(t.keep(buf.mul(t.keep(s.get(1)))))) : buf;
      }
      param.addi(t.keep(grad.mul(t.keep(s.get(3)))));
    }
  }
}
