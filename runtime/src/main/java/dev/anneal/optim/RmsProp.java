package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.RMSprop}: {@code sq = alpha*sq + (1-alpha)*d*d}; centered subtracts the
 * square of the running mean {@code grad_avg}; with momentum the step goes through a buffer.
 */
public final class RmsProp extends ElementwiseOptimizer<RmsProp.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "RMSprop";
  private static final StateLayout STATE = StateLayout.of("square_avg").optional("momentum_buffer", "grad_avg");
  private static final int MOMENTUM_BUFFER = 1;
  private static final int GRAD_AVG = 2;

  /**
   * The optimizer over {@code groups}.
   *
   * @param groups the parameter groups, each with the hyperparameters it sets itself
   * @param overrides hyperparameters for every group that does not set them, under PyTorch's names;
   *     the rest take PyTorch's defaults
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of its range (a
   *     {@code DescriptorException} naming every problem) or a parameter is in two groups
   */
  public RmsProp(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }


  static final class State extends DecayState {
    private float alpha;
    private float oneMinusAlpha;
    private float eps;
    private float lr;
    private float momentum;
    private boolean centered;
    private boolean useMomentum;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float sign = this.sign;
      float wd = weightDecay;
      float alpha = this.alpha;
      float a = oneMinusAlpha;
      float eps = this.eps;
      float lr = this.lr;
      float momentum = this.momentum;
      float[] sq = s0;
      float[] buf = s1;
      float[] ga = s2;
      boolean centered = this.centered;
      boolean useMomentum = this.useMomentum;
      // One loop per combination: C2 vectorizes a loop without branches.
      if (!centered && !useMomentum) {
        for (int i = from; i < to; i++) {
          float x = w[i];
          float d = sign * g[i] + wd * x;
          float s = alpha * sq[i] + a * (d * d);
          sq[i] = s;
          w[i] = x + -lr * (d / ((float) Math.sqrt(s) + eps));
        }
      } else if (centered && !useMomentum) {
        for (int i = from; i < to; i++) {
          float x = w[i];
          float d = sign * g[i] + wd * x;
          float s = alpha * sq[i] + a * (d * d);
          sq[i] = s;
          float m = ga[i] + a * (d - ga[i]);
          ga[i] = m;
          w[i] = x + -lr * (d / ((float) Math.sqrt(s - m * m) + eps));
        }
      } else if (!centered) {
        for (int i = from; i < to; i++) {
          float x = w[i];
          float d = sign * g[i] + wd * x;
          float s = alpha * sq[i] + a * (d * d);
          sq[i] = s;
          float b = momentum * buf[i] + d / ((float) Math.sqrt(s) + eps);
          buf[i] = b;
          w[i] = x - lr * b;
        }
      } else {
        for (int i = from; i < to; i++) {
          float x = w[i];
          float d = sign * g[i] + wd * x;
          float s = alpha * sq[i] + a * (d * d);
          sq[i] = s;
          float m = ga[i] + a * (d - ga[i]);
          ga[i] = m;
          float b = momentum * buf[i] + d / ((float) Math.sqrt(s - m * m) + eps);
          buf[i] = b;
          w[i] = x - lr * b;
        }
      }
    }
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    double alpha = group.getDouble("alpha");
    state.step += 1;
    state.readDecay(group, false);
    state.alpha = (float) alpha;
    state.oneMinusAlpha = (float) (1 - alpha);
    state.eps = (float) group.getDouble("eps");
    state.lr = (float) group.lr();
    state.momentum = (float) group.getDouble("momentum");
    state.centered = group.getBoolean("centered");
    state.useMomentum = group.getDouble("momentum") > 0;
    if (state.centered) {
      state.ensure(GRAD_AVG, p.size());
    }
    if (state.useMomentum) {
      state.ensure(MOMENTUM_BUFFER, p.size());
    }
    Passes.run(state, p.values(), grad);
  }
}
