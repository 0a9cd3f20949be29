package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adamax}: {@code u = max(b2*u, |d| + eps)},
 * {@code w -= lr / (1 - b1^t) * m / u}.
 */
public final class Adamax extends ElementwiseOptimizer<Adamax.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "Adamax";
  private static final StateLayout STATE = StateLayout.of("exp_avg", "exp_inf");

  /**
   * The optimizer over {@code groups}.
   *
   * @param groups the parameter groups, each with the hyperparameters it sets itself
   * @param overrides hyperparameters for every group that does not set them, under PyTorch's names;
   *     the rest take PyTorch's defaults
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of its range (a
   *     {@code DescriptorException} naming every problem) or a parameter is in two groups
   */
  public Adamax(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }


  static final class State extends MomentState {
    private float negClr;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float sign = this.sign;
      float wd = weightDecay;
      float a1 = oneMinusBeta1;
      float b2 = beta2;
      float eps = this.eps;
      float negClr = this.negClr;
      float[] m = s0;
      float[] u = s1;
      for (int i = from; i < to; i++) {
        float x = w[i];
        float d = sign * g[i] + wd * x;
        float mi = m[i] + a1 * (d - m[i]);
        float ui = Math.max(u[i] * b2, Math.abs(d) + eps);
        m[i] = mi;
        u[i] = ui;
        w[i] = x + negClr * (mi / ui);
      }
    }
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    double beta1 = group.getDouble("betas", 0);
    state.step += 1;
    state.readBetas(group);
    state.readDecay(group, false);
    state.negClr = (float) -(group.lr() / (1 - Math.pow(beta1, state.step)));
    Passes.run(state, p.values(), grad);
  }
}
