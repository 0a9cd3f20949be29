package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.RAdam} as in PyTorch 2.x (with {@code decoupled_weight_decay} and
 * {@code maximize}): while the variance's length {@code rho_t} is at most 5 the step is plain
 * momentum SGD, afterwards the rectified adaptive step.
 */
public final class RAdam extends ElementwiseOptimizer<RAdam.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "RAdam";
  private static final StateLayout STATE = StateLayout.of("exp_avg", "exp_avg_sq");

  /**
   * The optimizer over {@code groups}.
   *
   * @param groups the parameter groups, each with the hyperparameters it sets itself
   * @param overrides hyperparameters for every group that does not set them, under PyTorch's names;
   *     the rest take PyTorch's defaults
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of its range (a
   *     {@code DescriptorException} naming every problem) or a parameter is in two groups
   */
  public RAdam(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }


  static final class State extends MomentState {
    private float bc1;
    private float lr;
    private float bc2Sqrt;
    private float rect;
    private boolean rectified;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float decay = this.decay;
      float sign = this.sign;
      float wd = weightDecay;
      float a1 = oneMinusBeta1;
      float b2 = beta2;
      float a2 = oneMinusBeta2;
      float bc1 = this.bc1;
      float lr = this.lr;
      float bc2Sqrt = this.bc2Sqrt;
      float rect = this.rect;
      float eps = this.eps;
      boolean rectified = this.rectified;
      float[] m = s0;
      float[] v = s1;
      for (int i = from; i < to; i++) {
        float x = w[i] * decay;
        float d = sign * g[i] + wd * x;
        float mi = m[i] + a1 * (d - m[i]);
        float vi = b2 * v[i] + a2 * (d * d);
        m[i] = mi;
        v[i] = vi;
        float corrected = mi / bc1;
        if (rectified) {
          float adaptive = bc2Sqrt / ((float) Math.sqrt(vi) + eps);
          w[i] = x - corrected * lr * adaptive * rect;
        } else {
          w[i] = x - corrected * lr;
        }
      }
    }
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    double lr = group.lr();
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    boolean decoupled = group.getBoolean("decoupled_weight_decay");
    state.step += 1;
    double t = state.step;
    double bc1 = 1 - Math.pow(beta1, t);
    double bc2 = 1 - Math.pow(beta2, t);
    double rhoInf = 2 / (1 - beta2) - 1;
    double rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / bc2;
    state.rectified = rhoT > 5.0;
    state.rect = state.rectified
        ? (float) Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 1f;
    state.readBetas(group);
    state.readDecay(group, decoupled);
    state.bc1 = (float) bc1;
    state.lr = (float) lr;
    state.bc2Sqrt = (float) Math.sqrt(bc2);
    Passes.run(state, p.values(), grad);
  }
}
