package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.SGD}: momentum, dampening, Nesterov, weight decay and maximize, with
 * PyTorch 2.x defaults ({@code lr=1e-3}). The first momentum step stores the gradient itself in
 * the buffer (no dampening), as PyTorch does.
 */
public final class Sgd extends ElementwiseOptimizer<Sgd.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "SGD";
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
  public Sgd(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }

  /** The momentum buffer (absent until the first step with momentum) and the step's scalars. */
  static final class State extends DecayState {
    private float lr;
    private float momentum;
    private float keep;
    private boolean nesterov;
    private boolean first;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float lr = this.lr;
      float wd = this.weightDecay;
      float sign = this.sign;
      float[] buf = s0;
      if (buf == null || momentum == 0) {
        for (int i = from; i < to; i++) {
          float d = sign * g[i] + wd * w[i];
          w[i] = w[i] - lr * d;
        }
      } else if (first) {
        for (int i = from; i < to; i++) {
          float d = sign * g[i] + wd * w[i];
          buf[i] = d;
          float step = nesterov ? d + momentum * d : d;
          w[i] = w[i] - lr * step;
        }
      } else if (nesterov) {
        float momentum = this.momentum;
        float keep = this.keep;
        for (int i = from; i < to; i++) {
          float d = sign * g[i] + wd * w[i];
          float b = momentum * buf[i] + keep * d;
          buf[i] = b;
          w[i] = w[i] - lr * (d + momentum * b);
        }
      } else {
        float momentum = this.momentum;
        float keep = this.keep;
        for (int i = from; i < to; i++) {
          float d = sign * g[i] + wd * w[i];
          float b = momentum * buf[i] + keep * d;
          buf[i] = b;
          w[i] = w[i] - lr * b;
        }
      }
    }
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    state.lr = (float) group.lr();
    state.readDecay(group, false);
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
