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
 * LARS as timm's {@code Lars} (timm/optim/lars.py): when {@code weight_decay != 0} or
 * {@code always_adapt}, the gradient plus weight decay is scaled per tensor by
 * {@code trust_coefficient * ||w|| / (||g|| + wd * ||w|| + eps)} (1 when either norm is 0;
 * with {@code trust_clip}, {@code min(trust / lr, 1)}); then SGD with momentum, dampening and
 * Nesterov as {@link Sgd}. Both norms come from one reduction (parallel blocks, combined in a
 * fixed order) before the element pass.
 */
public final class Lars extends ElementwiseOptimizer<Lars.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "LARS";
  private static final StateLayout STATE = StateLayout.of().optional("momentum_buffer").withScalars();

  /**
   * The optimizer over {@code groups}.
   *
   * @param groups the parameter groups, each with the hyperparameters it sets itself
   * @param overrides hyperparameters for every group that does not set them, under PyTorch's names;
   *     the rest take PyTorch's defaults
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of its range (a
   *     {@code DescriptorException} naming every problem) or a parameter is in two groups
   */
  public Lars(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }


  /** The block's {@code sum(w*w)} and {@code sum(g*g)}; reads no state, so it is one shared instance. */
  private static final ReductionKernel NORMS = new ReductionKernel() {
    @Override
    public void reduce(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to, double[] out, int at) {
      out[at] = Sums.squares(w, from, to);
      out[at + 1] = Sums.squares(g, from, to);
    }

    @Override
    public int sums() {
      return 2;
    }
  };

  static final class State extends TensorState {
    private final double[] norms = new double[2];
    private boolean adapt;
    private float weightDecay;
    private float trust;
    private float lr;
    private float momentum;
    private float keep;
    private boolean nesterov;
    private boolean first;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float[] buf = s0;
      for (int i = from; i < to; i++) {
        float x = w[i];
        float d = g[i];
        if (adapt) {
          d = (d + weightDecay * x) * trust;
        }
        if (buf != null && momentum != 0) {
          float b = first ? d : momentum * buf[i] + keep * d;
          buf[i] = b;
          d = nesterov ? d + momentum * b : b;
        }
        w[i] = x - lr * d;
      }
    }
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    double lr = group.lr();
    double wd = group.getDouble("weight_decay");
    state.adapt = wd != 0 || group.getBoolean("always_adapt");
    state.trust = 1f;
    if (state.adapt) {
      Reductions.run(NORMS, p.values(), grad, state.norms);
      double wNorm = Math.sqrt(state.norms[0]);
      double gNorm = Math.sqrt(state.norms[1]);
      double trust = wNorm > 0 && gNorm > 0
          ? group.getDouble("trust_coefficient") * wNorm / (gNorm + wNorm * wd + group.getDouble("eps")) : 1.0;
      if (group.getBoolean("trust_clip")) {
        trust = Math.min(trust / lr, 1.0);
      }
      state.trust = (float) trust;
    }
    state.weightDecay = (float) wd;
    state.lr = (float) lr;
    state.momentum = (float) group.getDouble("momentum");
    state.keep = (float) (1 - group.getDouble("dampening"));
    state.nesterov = group.getBoolean("nesterov");
    state.first = state.momentum != 0 && state.tensor(0) == null;
    if (state.first) {
      state.ensure(0, p.size());
    }
    Passes.run(state, p.values(), grad);
  }
}
