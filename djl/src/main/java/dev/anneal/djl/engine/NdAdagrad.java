package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;

/**
 * {@code torch.optim.Adagrad} as in PyTorch 2.x's {@code _single_tensor_adagrad} (dense):
 * {@code sum} starts at {@code initial_accumulator_value}, {@code clr = lr / (1 + (step-1) * lr_decay)}.
 */
final class NdAdagrad extends NdUpdate {
  NdAdagrad(Parameter p, StateLayout layout) {
    super(p, layout);
  }


  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    double wd = group.getDouble("weight_decay");
    NDArray sum = tensor("sum", (float) group.getDouble("initial_accumulator_value"));
    double step = scalarState.merge("step", 1.0, Double::sum);
    double clr = group.lr() / (1 + (step - 1) * group.getDouble("lr_decay"));
    NDArray s = scalars((float) wd, (float) group.getDouble("eps"), (float) -clr);
    try (Temps t = new Temps()) {
      NDArray grad = gradient(t, group, param, gradient, wd, false, null, s.get(0));
      sum.addi(t.keep(grad.mul(grad)));
      NDArray std = t.keep(sum.sqrt()).addi(t.keep(s.get(1)));
      param.addi(t.keep(t.keep(grad.mul(t.keep(s.get(2)))).divi(std)));
    }
  }
}
