package dev.anneal.samples.custom;

import dev.anneal.optim.AbstractOptimizer;
import dev.anneal.optim.OptimizerState;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;

/**
 * The seed's layer-adaptive Adam written as a user's own optimizer, against the runtime's public
 * optimizer API ({@link AbstractOptimizer}): Adam's moments without bias correction, and one step
 * size per tensor, {@code step = lr * trust_coefficient * mean(|m| / (sqrt(v) + eps))}, applied to
 * {@code m}: {@code w -= step * m}. {@code weight_decay} adds {@code wd * w} to the gradient.
 *
 * <p>Its names, defaults and ranges are its descriptor's ({@link LayerwiseAdamProvider}); the base
 * class fills each group's defaults from it and checks every group that joins, so this class only
 * writes the math and its state.
 */
public final class LayerwiseAdam extends AbstractOptimizer<LayerwiseAdam.Moments> {
  public LayerwiseAdam(List<ParamGroup> groups, Map<String, ?> kwargs) {
    super(LayerwiseAdamProvider.DESCRIPTOR, kwargs, groups);
  }

  /** The two running averages of one parameter, PyTorch's {@code exp_avg} and {@code exp_avg_sq}. */
  static final class Moments {
    final float[] m;
    final float[] v;

    Moments(float[] m, float[] v) {
      this.m = m;
      this.v = v;
    }
  }

  @Override
  protected Moments newState(Parameter p, ParamGroup group) {
    return new Moments(new float[p.size()], new float[p.size()]);
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, Moments s) {
    float beta1 = (float) group.getDouble("betas", 0);
    float beta2 = (float) group.getDouble("betas", 1);
    float eps = (float) group.getDouble("eps");
    float wd = (float) group.getDouble("weight_decay");
    FloatStorage w = p.values();
    int n = p.size();
    double ratioSum = 0;
    for (int i = 0; i < n; i++) {
      float d = grad.get(i) + wd * w.get(i);
      s.m[i] = beta1 * s.m[i] + (1 - beta1) * d;
      s.v[i] = beta2 * s.v[i] + (1 - beta2) * (d * d);
      ratioSum += Math.abs(s.m[i]) / ((float) Math.sqrt(s.v[i]) + eps);
    }
    double step = n == 0 ? 0 : group.lr() * group.getDouble("trust_coefficient") * ratioSum / n;
    for (int i = 0; i < n; i++) {
      w.set(i, (float) (w.get(i) - step * s.m[i]));
    }
  }

  @Override
  protected OptimizerState.ParamState exportState(Parameter p, Moments s) {
    return new OptimizerState.ParamState(Map.of("exp_avg", s.m.clone(), "exp_avg_sq", s.v.clone()), Map.of());
  }

  @Override
  protected Moments importState(Parameter p, ParamGroup group, OptimizerState.ParamState exported) {
    return new Moments(requireTensor(p, exported, "exp_avg").clone(), requireTensor(p, exported, "exp_avg_sq").clone());
  }
}
