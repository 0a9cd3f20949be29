package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;

/**
 * {@code torch.optim.Adam} and {@code AdamW} as in PyTorch 2.x's {@code _single_tensor_adam}:
 * L2 or decoupled weight decay, AMSGrad, maximize. {@code addcmul_} and {@code addcdiv_} are
 * written as the multiplications and division they round like; {@code lerp_} (a fused
 * multiply-add in PyTorch) as {@code m + w*(g-m)}, within one float32 rounding of it.
 */
final class NdAdam extends NdUpdate {
  private final boolean alwaysDecoupled;

  NdAdam(Parameter p, StateLayout layout, boolean alwaysDecoupled) {
    super(p, layout);
    this.alwaysDecoupled = alwaysDecoupled;
  }


  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    double lr = group.lr();
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    double wd = group.getDouble("weight_decay");
    boolean decoupled = alwaysDecoupled || (group.has("decoupled_weight_decay") && group.getBoolean("decoupled_weight_decay"));
    boolean amsgrad = group.getBoolean("amsgrad");
    double step = scalarState.merge("step", 1.0, Double::sum);
    double bc1 = 1 - Math.pow(beta1, step);
    double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
    NDArray s = scalars((float) (1 - lr * wd), (float) wd, (float) (1 - beta1), (float) beta2, (float) (1 - beta2),
        (float) bc2Sqrt, (float) group.getDouble("eps"), (float) -(lr / bc1));
    NDArray expAvg = tensor("exp_avg");
    NDArray expAvgSq = tensor("exp_avg_sq");
    try (Temps t = new Temps()) {
      NDArray grad = gradient(t, group, param, gradient, wd, decoupled, s.get(0), s.get(1));
      expAvg.addi(t.keep(t.keep(grad.sub(expAvg)).muli(t.keep(s.get(2)))));
      expAvgSq.muli(t.keep(s.get(3))).addi(t.keep(t.keep(grad.mul(t.keep(s.get(4)))).muli(grad)));
      NDArray second = expAvgSq;
      if (amsgrad) {
        NDArray max = tensor("max_exp_avg_sq");
        NdOps.assign(max, t.keep(max.maximum(expAvgSq)));
        second = max;
      }
      NDArray denom = t.keep(t.keep(t.keep(second.sqrt()).divi(t.keep(s.get(5)))).addi(t.keep(s.get(6))));
      param.addi(t.keep(t.keep(expAvg.mul(t.keep(s.get(7)))).divi(denom)));
    }
  }
}
