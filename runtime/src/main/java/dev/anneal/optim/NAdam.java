package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.NAdam} as in PyTorch 2.x (with {@code decoupled_weight_decay} and
 * {@code maximize}): Nesterov momentum with the schedule
 * {@code mu_t = b1 * (1 - 0.5 * 0.96^(t * momentum_decay))} and its running product.
 */
public final class NAdam extends ElementwiseOptimizer<NAdam.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "NAdam";
  private static final StateLayout STATE = StateLayout.of("exp_avg", "exp_avg_sq").withScalars("step", "mu_product");

  /**
   * The optimizer over {@code groups}.
   *
   * @param groups the parameter groups, each with the hyperparameters it sets itself
   * @param overrides hyperparameters for every group that does not set them, under PyTorch's names;
   *     the rest take PyTorch's defaults
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of its range (a
   *     {@code DescriptorException} naming every problem) or a parameter is in two groups
   */
  public NAdam(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }


  static final class State extends MomentState {
    double muProduct = 1.0;
    private float bc2;
    private float gradCoef;
    private float avgCoef;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float decay = this.decay;
      float sign = this.sign;
      float wd = weightDecay;
      float a1 = oneMinusBeta1;
      float b2 = beta2;
      float a2 = oneMinusBeta2;
      float bc2 = this.bc2;
      float eps = this.eps;
      float gradCoef = this.gradCoef;
      float avgCoef = this.avgCoef;
      float[] m = s0;
      float[] v = s1;
      for (int i = from; i < to; i++) {
        float x = w[i] * decay;
        float d = sign * g[i] + wd * x;
        float mi = m[i] + a1 * (d - m[i]);
        float vi = b2 * v[i] + a2 * (d * d);
        m[i] = mi;
        v[i] = vi;
        float denom = (float) Math.sqrt(vi / bc2) + eps;
        x = x + gradCoef * (d / denom);
        w[i] = x + avgCoef * (mi / denom);
      }
    }

    @Override
    double scalar(String name) {
      return name.equals("mu_product") ? muProduct : super.scalar(name);
    }

    @Override
    void setScalar(String name, double value) {
      if (name.equals("mu_product")) {
        muProduct = value;
      } else {
        super.setScalar(name, value);
      }
    }
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    double lr = group.lr();
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    double momentumDecay = group.getDouble("momentum_decay");
    boolean decoupled = group.getBoolean("decoupled_weight_decay");
    state.step += 1;
    double t = state.step;
    double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, t * momentumDecay));
    double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
    state.muProduct *= mu;
    double muProductNext = state.muProduct * muNext;
    state.readBetas(group);
    state.readDecay(group, decoupled);
    state.bc2 = (float) (1 - Math.pow(beta2, t));
    state.gradCoef = (float) (-lr * (1.0 - mu) / (1.0 - state.muProduct));
    state.avgCoef = (float) (-lr * muNext / (1.0 - muProductNext));
    Passes.run(state, p.values(), grad);
  }
}
