package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.optim.kernel.ReductionKernel;
import dev.anneal.optim.kernel.Reductions;
import dev.anneal.optim.kernel.Sums;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;

/**
 * LAMB (You et al. 2019, "Large Batch Optimization for Deep Learning", Algorithm 2), as timm's
 * {@code Lamb} with {@code max_grad_norm=None, always_adapt=True}: the Adam direction
 * {@code r = m_hat / (sqrt(v_hat) + eps) + wd * w}, scaled per tensor by the trust ratio
 * {@code trust_coefficient * ||w|| / ||r||} (1 when either norm is 0; {@code trust_coefficient}
 * defaults to 1, the paper's identity scaling): {@code w -= lr * trust * r}.
 * Two passes: a reduction updates the moments and sums both squared norms (in parallel blocks,
 * combined in a fixed order), then an element pass applies the step.
 */
public final class Lamb extends ElementwiseOptimizer<Lamb.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "LAMB";
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
  public Lamb(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }


  static final class State extends MomentState implements ReductionKernel {
    private float bc1;
    private float bc2;
    private float negStep;
    /** The step's two totals: squared norms of the weights and of the update direction. */
    private final double[] norms = new double[2];

    /** The moments, and the block's {@code sum(w*w)} and {@code sum(r*r)}. */
    /** Blocks arrive as scratch copies {@code [0, len)}, so the temp is indexed like the rest. */
    @Override
    public boolean blockLocal() {
      return true;
    }

    @Override
    public void reduce(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to, double[] out, int at) {
      float[] m = s0;
      float[] v = s1;
      float[] r = Sums.temp();
      for (int i = from; i < to; i++) {
        float d = g[i];
        float mi = oneMinusBeta1 * (d - m[i]) + m[i];
        float vi = beta2 * v[i] + oneMinusBeta2 * (d * d);
        m[i] = mi;
        v[i] = vi;
        r[i] = direction(mi, vi, w[i]);
      }
      out[at] = Sums.squares(w, from, to);
      out[at + 1] = Sums.squares(r, from, to);
    }

    @Override
    public int sums() {
      return 2;
    }

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float[] m = s0;
      float[] v = s1;
      for (int i = from; i < to; i++) {
        float x = w[i];
        w[i] = x + negStep * direction(m[i], v[i], x);
      }
    }

    private float direction(float m, float v, float x) {
      return (m / bc1) / ((float) Math.sqrt(v / bc2) + eps) + weightDecay * x;
    }
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    boolean correct = group.getBoolean("bias_correction");
    state.step += 1;
    state.readBetas(group);
    state.bc1 = correct ? (float) (1 - Math.pow(beta1, state.step)) : 1f;
    state.bc2 = correct ? (float) (1 - Math.pow(beta2, state.step)) : 1f;
    state.weightDecay = (float) group.getDouble("weight_decay");
    Reductions.run(state, p.values(), grad, state.norms);
    double wNorm = Math.sqrt(state.norms[0]);
    double uNorm = Math.sqrt(state.norms[1]);
    double trust = wNorm > 0 && uNorm > 0 ? group.getDouble("trust_coefficient") * wNorm / uNorm : 1.0;
    state.negStep = (float) (-group.lr() * trust);
    Passes.run(state, p.values(), grad);
  }
}
