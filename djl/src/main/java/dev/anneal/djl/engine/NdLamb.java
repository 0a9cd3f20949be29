package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;

/**
 * LAMB as the runtime's {@code Lamb} (timm's {@code Lamb} with {@code always_adapt=True}, plus
 * {@code trust_coefficient}): the Adam direction {@code (m/bc1) / (sqrt(v/bc2) + eps) + wd*w},
 * scaled by {@code trust_coefficient * ||w|| / ||r||}, or 1 when either norm is 0. Both norms and
 * the ratio stay on the device ({@code where} for the zero test): the step reads nothing back.
 */
final class NdLamb extends NdUpdate {
  NdLamb(Parameter p, StateLayout layout) {
    super(p, layout);
  }


  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    double wd = group.getDouble("weight_decay");
    boolean correct = group.getBoolean("bias_correction");
    double step = scalarState.merge("step", 1.0, Double::sum);
    double bc1 = correct ? 1 - Math.pow(beta1, step) : 1.0;
    double bc2 = correct ? 1 - Math.pow(beta2, step) : 1.0;
    NDArray s = scalars((float) beta1, (float) (1 - beta1), (float) beta2, (float) (1 - beta2), (float) bc1, (float) bc2,
        (float) group.getDouble("eps"), (float) wd, (float) group.getDouble("trust_coefficient"), 0f, 1f,
        (float) -group.lr());
    NDArray expAvg = tensor("exp_avg");
    NDArray expAvgSq = tensor("exp_avg_sq");
    try (Temps t = new Temps()) {
      NDArray grad = NdOps.array(gradient);
      expAvg.muli(t.keep(s.get(0))).addi(t.keep(grad.mul(t.keep(s.get(1)))));
      expAvgSq.muli(t.keep(s.get(2))).addi(t.keep(t.keep(grad.mul(t.keep(s.get(3)))).muli(grad)));
      NDArray denom = t.keep(t.keep(t.keep(expAvgSq.div(t.keep(s.get(5)))).sqrt()).addi(t.keep(s.get(6))));
      NDArray update = t.keep(t.keep(expAvg.div(t.keep(s.get(4)))).divi(denom));
      if (wd != 0) {
        update.addi(t.keep(param.mul(t.keep(s.get(7)))));
      }
      NDArray zero = t.keep(s.get(9));
      NDArray wNorm = t.keep(param.norm());
      NDArray uNorm = t.keep(update.norm());
      NDArray ratio = t.keep(t.keep(t.keep(s.get(8)).mul(wNorm)).divi(uNorm));
      NDArray bothPositive = t.keep(t.keep(wNorm.gt(zero)).logicalAnd(t.keep(uNorm.gt(zero))));
      NDArray trust = t.keep(NdOps.where(bothPositive, ratio, t.keep(s.get(10))));
      param.addi(t.keep(update.muli(t.keep(trust.mul(t.keep(s.get(11)))))));
    }
  }
}
