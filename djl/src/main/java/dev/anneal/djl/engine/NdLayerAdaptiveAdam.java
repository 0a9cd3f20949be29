package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;

/**
 * The runtime's {@code LayerAdaptiveAdam}: Adam's moments without bias correction (L2 weight
 * decay added to the gradient), and one step per tensor,
 * {@code lr * trust_coefficient * mean(|m| / (sqrt(v) + eps))}, applied to {@code m}; the mean
 * stays on the device.
 */
final class NdLayerAdaptiveAdam extends NdUpdate {
  NdLayerAdaptiveAdam(Parameter p, StateLayout layout) {
    super(p, layout);
  }


  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    double wd = group.getDouble("weight_decay");
    scalarState.merge("step", 1.0, Double::sum);
    NDArray s = scalars((float) wd, (float) beta1, (float) (1 - beta1), (float) beta2, (float) (1 - beta2),
        (float) group.getDouble("eps"), (float) (-group.lr() * group.getDouble("trust_coefficient")));
    NDArray expAvg = tensor("exp_avg");
    NDArray expAvgSq = tensor("exp_avg_sq");
    try (Temps t = new Temps()) {
      NDArray grad = NdOps.array(gradient);
      if (wd != 0) {
        grad = t.keep(grad.add(t.keep(param.mul(t.keep(s.get(0))))));
      }
      expAvg.muli(t.keep(s.get(1))).addi(t.keep(grad.mul(t.keep(s.get(2)))));
      expAvgSq.muli(t.keep(s.get(3))).addi(t.keep(t.keep(grad.mul(t.keep(s.get(4)))).muli(grad)));
      NDArray ratio = t.keep(t.keep(expAvg.abs()).divi(t.keep(t.keep(expAvgSq.sqrt()).addi(t.keep(s.get(5))))));
      NDArray negStep = t.keep(t.keep(ratio.mean()).muli(t.keep(s.get(6))));
      param.addi(t.keep(expAvg.mul(negStep)));
    }
  }
}
