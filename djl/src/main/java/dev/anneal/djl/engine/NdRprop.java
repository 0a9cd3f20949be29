package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;

/**
 * {@code torch.optim.Rprop} as in PyTorch 2.x's {@code _single_tensor_rprop}: the sign of
 * {@code grad * prev} picks each element's factor ({@code etas[1]}, {@code etas[0]} or 1, its
 * masked assignments written as {@code where}), the step size is clamped to {@code step_sizes},
 * and where the factor is {@code etas[0]} the gradient is forgotten. {@code step_size} starts at lr.
 */
final class NdRprop extends NdUpdate {
  NdRprop(Parameter p, StateLayout layout) {
    super(p, layout);
  }


  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    NDArray prev = tensor("prev");
    NDArray stepSize = tensor("step_size", (float) group.lr());
    scalarState.merge("step", 1.0, Double::sum);
    NDArray s = scalars((float) group.getDouble("etas", 1), (float) group.getDouble("etas", 0), 1f, 0f,
        (float) group.getDouble("step_sizes", 0), (float) group.getDouble("step_sizes", 1));
    try (Temps t = new Temps()) {
      NDArray etaPlus = t.keep(s.get(0));
      NDArray etaMinus = t.keep(s.get(1));
      NDArray one = t.keep(s.get(2));
      NDArray zero = t.keep(s.get(3));
      NDArray grad = NdOps.array(gradient);
      if (group.getBoolean("maximize")) {
        grad = t.keep(grad.neg());
      }
      NDArray sign = t.keep(t.keep(grad.mul(prev)).sign());
      sign = t.keep(NdOps.where(t.keep(sign.gt(zero)), etaPlus, sign));
      sign = t.keep(NdOps.where(t.keep(sign.lt(zero)), etaMinus, sign));
      sign = t.keep(NdOps.where(t.keep(sign.eq(zero)), one, sign));
      stepSize.muli(sign);
      NdOps.assign(stepSize, t.keep(t.keep(stepSize.maximum(t.keep(s.get(4)))).minimum(t.keep(s.get(5)))));
      grad = t.keep(NdOps.where(t.keep(sign.eq(etaMinus)), zero, grad));
      param.subi(t.keep(t.keep(grad.sign()).muli(stepSize)));
      NdOps.assign(prev, grad);
    }
  }
}
