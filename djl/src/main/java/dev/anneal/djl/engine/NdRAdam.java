package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;

/**
 * {@code torch.optim.RAdam} as in PyTorch 2.x's {@code _single_tensor_radam}: L2 or decoupled
 * weight decay, maximize; while the variance's length {@code rho_t} (a function of the step
 * count, known on the host) is at most 5 the step is momentum SGD, afterwards the rectified step.
 */
final class NdRAdam extends NdUpdate {
  NdRAdam(Parameter p, StateLayout layout) {
    super(p, layout);
  }


  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    double lr = group.lr();
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    double wd = group.getDouble("weight_decay");
    boolean decoupled = group.getBoolean("decoupled_weight_decay");
    double step = scalarState.merge("step", 1.0, Double::sum);
    double bc1 = 1 - Math.pow(beta1, step);
    double bc2 = 1 - Math.pow(beta2, step);
    double rhoInf = 2 / (1 - beta2) - 1;
    double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / bc2;
    boolean rectified = rhoT > 5.0;
    double rect = rectified ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 1.0;
    NDArray s = scalars((float) (1 - lr * wd), (float) wd, lerpFactor(1 - beta1), (float) beta2, (float) (1 - beta2),
        (float) bc1, (float) lr, (float) Math.sqrt(bc2), (float) group.getDouble("eps"), (float) rect);
    NDArray expAvg = tensor("exp_avg");
    NDArray expAvgSq = tensor("exp_avg_sq");
    try (Temps t = new Temps()) {
      NDArray grad = gradient(t, group, param, gradient, wd, decoupled, s.get(0), s.get(1));
      lerp(t, expAvg, grad, 1 - beta1, t.keep(s.get(2)));
      expAvgSq.muli(t.keep(s.get(3))).addi(t.keep(t.keep(grad.mul(t.keep(s.get(4)))).muli(grad)));
      NDArray update = t.keep(t.keep(expAvg.div(t.keep(s.get(5)))).muli(t.keep(s.get(6))));
      if (rectified) {
        NDArray adaptive = t.keep(t.keep(s.get(7)).div(t.keep(t.keep(expAvgSq.sqrt()).addi(t.keep(s.get(8))))));
        update.muli(adaptive).muli(t.keep(s.get(9)));
      }
      param.subi(update);
    }
  }
}
