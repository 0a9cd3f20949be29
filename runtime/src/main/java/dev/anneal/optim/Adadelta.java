package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adadelta}: {@code delta = sqrt(acc + eps) / sqrt(sq + eps) * d}, both averages
 * decayed by {@code rho}; {@code w -= lr * delta}.
 */
public final class Adadelta extends ElementwiseOptimizer<Adadelta.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "Adadelta";
  private static final StateLayout STATE = StateLayout.of("square_avg", "acc_delta");

  /**
   * The optimizer over {@code groups}.
   *
   * @param groups the parameter groups, each with the hyperparameters it sets itself
   * @param overrides hyperparameters for every group that does not set them, under PyTorch's names;
   *     the rest take PyTorch's defaults
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of its range (a
   *     {@code DescriptorException} naming every problem) or a parameter is in two groups
   */
  public Adadelta(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }


  static final class State extends DecayState {
    private float rho;
    private float oneMinusRho;
    private float eps;
    private float negLr;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float sign = this.sign;
      float wd = weightDecay;
      float rho = this.rho;
      float a = oneMinusRho;
      float eps = this.eps;
      float negLr = this.negLr;
      float[] sq = s0;
      float[] acc = s1;
      for (int i = from; i < to; i++) {
        float x = w[i];
        float d = sign * g[i] + wd * x;
        float s = rho * sq[i] + a * (d * d);
        sq[i] = s;
        float std = (float) Math.sqrt(s + eps);
        float delta = (float) Math.sqrt(acc[i] + eps) / std * d;
        acc[i] = rho * acc[i] + a * (delta * delta);
        w[i] = x + negLr * delta;
      }
    }
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    double rho = group.getDouble("rho");
    state.step += 1;
    state.readDecay(group, false);
    state.rho = (float) rho;
    state.oneMinusRho = (float) (1 - rho);
    state.eps = (float) group.getDouble("eps");
    state.negLr = (float) -group.lr();
    Passes.run(state, p.values(), grad);
  }
}
