package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;

/**
 * {@code torch.optim.Adamax} as in PyTorch 2.x's {@code _single_tensor_adamax}:
 * {@code exp_inf = max(b2 * exp_inf, |g| + eps)}, {@code w -= lr / (1 - b1^t) * m / exp_inf}.
 */
final class NdAdamax extends NdUpdate {
  NdAdamax(Parameter p, StateLayout layout) {
    super(p, layout);
  }


  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    double beta1 = group.getDouble("betas", 0);
    double wd = group.getDouble("weight_decay");
    double step = scalarState.merge("step", 1.0, Double::sum);
    double clr = group.lr() / (1 - Math.pow(beta1, step));
    NDArray s = scalars((float) wd, lerpFactor(1 - beta1), (float) group.getDouble("betas", 1),
        (float) group.getDouble("eps"), (float) -clr);
    NDArray expAvg = tensor("exp_avg");
    NDArray expInf = tensor("exp_inf");
    try (Temps t = new Temps()) {
      NDArray grad = gradient(t, group, param, gradient, wd, false, null, s.get(0));
      lerp(t, expAvg, grad, 1 - beta1, t.keep(s.get(1)));
      expInf.muli(t.keep(s.get(2)));
      NdOps.assign(expInf, t.keep(expInf.maximum(t.keep(t.keep(grad.abs()).addi(t.keep(s.get(3)))))));
      param.addi(t.keep(t.keep(expAvg.mul(t.keep(s.get(4)))).divi(expInf)));
    }
  }
}
