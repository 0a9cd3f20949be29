package dev.anneal.djl.engine;

import ai.djl.ndarray.NDArray;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.StateLayout;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;

/**
 * {@code torch.optim.NAdam} as in PyTorch 2.x's {@code _single_tensor_nadam}: L2 or decoupled
 * weight decay, maximize, the momentum schedule {@code mu_t = b1 * (1 - 0.5 * 0.96^(t * momentum_decay))}
 * and its running product {@code mu_product} (kept in double, as the Java kernel keeps it).
 */
final class NdNAdam extends NdUpdate {
  NdNAdam(Parameter p, StateLayout layout) {
    super(p, layout);
  }


  @Override
  public void step(ParamGroup group, EngineStorage values, EngineStorage gradient) {
    NDArray param = NdOps.array(values);
    double lr = group.lr();
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    double wd = group.getDouble("weight_decay");
    double momentumDecay = group.getDouble("momentum_decay");
    boolean decoupled = group.getBoolean("decoupled_weight_decay");
    if (!state.containsKey("exp_avg")) {
      scalarState.put("mu_product", 1.0); // a new state (a loaded one has its tensors)
    }
    double step = scalarState.merge("step", 1.0, Double::sum);
    double bc2 = 1 - Math.pow(beta2, step);
    double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, step * momentumDecay));
    double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
    double muProduct = scalarState.merge("mu_product", mu, (a, b) -> a * b);
    double muProductNext = muProduct * muNext;
    NDArray s = scalars((float) (1 - lr * wd), (float) wd, lerpFactor(1 - beta1), (float) beta2, (float) (1 - beta2),
        (float) bc2, (float) group.getDouble("eps"), (float) (-lr * (1.0 - mu) / (1.0 - muProduct)),
        (float) ((-lr * muNext) / (1.0 - muProductNext)));
    NDArray expAvg = tensor("exp_avg");
    NDArray expAvgSq = tensor("exp_avg_sq");
    try (Temps t = new Temps()) {
      NDArray grad = gradient(t, group, param, gradient, wd, decoupled, s.get(0), s.get(1));
      lerp(t, expAvg, grad, 1 - beta1, t.keep(s.get(2)));
      expAvgSq.muli(t.keep(s.get(3))).addi(t.keep(t.keep(grad.mul(t.keep(s.get(4)))).muli(grad)));
      NDArray denom = t.keep(t.keep(t.keep(expAvgSq.div(t.keep(s.get(5)))).sqrt()).addi(t.keep(s.get(6))));
      param.addi(t.keep(t.keep(grad.mul(t.keep(s.get(7)))).divi(denom)));
      param.addi(t.keep(t.keep(expAvg.mul(t.keep(s.get(8)))).divi(denom)));
    }
  }
}
