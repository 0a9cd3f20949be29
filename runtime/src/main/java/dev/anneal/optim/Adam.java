package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.vocabulary.Descriptor;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adam} as in PyTorch 2.x: betas, eps, weight decay (L2, or decoupled as AdamW
 * with {@code decoupled_weight_decay=True}), AMSGrad and maximize. One fused pass per parameter:
 * {@code w *= 1 - lr*wd} (decoupled), {@code d = ±g + wd*w} (L2), {@code m = lerp(m, d, 1-b1)},
 * {@code v = b2*v + (1-b2)*d*d}, {@code w -= lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)}.
 */
public class Adam extends ElementwiseOptimizer<Adam.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "Adam";
  private static final StateLayout STATE = StateLayout.of("exp_avg", "exp_avg_sq").optional("max_exp_avg_sq");
  private static final int MAX_EXP_AVG_SQ = 2;

  private final boolean alwaysDecoupled;

  /**
   * The optimizer over {@code groups}.
   *
   * @param groups the parameter groups, each with the hyperparameters it sets itself
   * @param overrides hyperparameters for every group that does not set them, under PyTorch's names;
   *     the rest take PyTorch's defaults
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of its range (a
   *     {@code DescriptorException} naming every problem) or a parameter is in two groups
   */
  public Adam(List<ParamGroup> groups, Map<String, ?> overrides) {
    this(Hyper.builtIn(TYPE), groups, overrides, false);
  }

  Adam(Descriptor descriptor, List<ParamGroup> groups, Map<String, ?> overrides, boolean alwaysDecoupled) {
    super(descriptor, overrides, groups, STATE, State::new);
    this.alwaysDecoupled = alwaysDecoupled;
  }

  /** exp_avg, exp_avg_sq, max_exp_avg_sq (AMSGrad only), the step count and the step's scalars. */
  static final class State extends MomentState {
    private float bc2Sqrt;
    private float negStepSize;
    private boolean amsgrad;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float decay = this.decay;
      float wd = this.weightDecay;
      float sign = this.sign;
      float a1 = oneMinusBeta1;
      float b2 = beta2;
      float a2 = oneMinusBeta2;
      float bc2Sqrt = this.bc2Sqrt;
      float eps = this.eps;
      float negStep = negStepSize;
      float[] m = s0;
      float[] v = s1;
      if (amsgrad) {
        float[] vMax = s2;
        for (int i = from; i < to; i++) {
          float x = w[i] * decay;
          float d = sign * g[i] + wd * x;
          float mi = m[i] + a1 * (d - m[i]);
          float vi = b2 * v[i] + a2 * (d * d);
          float vm = Math.max(vMax[i], vi);
          m[i] = mi;
          v[i] = vi;
          vMax[i] = vm;
          w[i] = x + negStep * (mi / ((float) Math.sqrt(vm) / bc2Sqrt + eps));
        }
      } else {
        for (int i = from; i < to; i++) {
          float x = w[i] * decay;
          float d = sign * g[i] + wd * x;
          float mi = m[i] + a1 * (d - m[i]);
          float vi = b2 * v[i] + a2 * (d * d);
          m[i] = mi;
          v[i] = vi;
          w[i] = x + negStep * (mi / ((float) Math.sqrt(vi) / bc2Sqrt + eps));
        }
      }
    }
  }

  @Override
  protected void initState(State state, Parameter p, ParamGroup group) {
    if (group.getBoolean("amsgrad")) {
      state.ensure(MAX_EXP_AVG_SQ, p.size());
    }
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    double lr = group.lr();
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    boolean decoupled = alwaysDecoupled || group.getBoolean("decoupled_weight_decay");
    state.step += 1;
    double bc1 = 1 - Math.pow(beta1, state.step);
    double bc2 = 1 - Math.pow(beta2, state.step);
    state.readBetas(group);
    state.readDecay(group, decoupled);
    state.bc2Sqrt = (float) Math.sqrt(bc2);
    state.negStepSize = (float) (-(lr / bc1));
    state.amsgrad = group.getBoolean("amsgrad");
    if (state.amsgrad) {
      state.ensure(MAX_EXP_AVG_SQ, p.size());
    }
    Passes.run(state, p.values(), grad);
  }
}
