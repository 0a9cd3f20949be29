package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adagrad}: {@code sum += d*d}, {@code w -= clr * d / (sqrt(sum) + eps)} with
 * {@code clr = lr / (1 + (step - 1) * lr_decay)}; {@code sum} starts at
 * {@code initial_accumulator_value}.
 */
public final class Adagrad extends ElementwiseOptimizer<Adagrad.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "Adagrad";
  private static final StateLayout STATE = StateLayout.of("sum");

  /**
   * The optimizer over {@code groups}.
   *
   * @param groups the parameter groups, each with the hyperparameters it sets itself
   * @param overrides hyperparameters for every group that does not set them, under PyTorch's names;
   *     the rest take PyTorch's defaults
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of its range (a
   *     {@code DescriptorException} naming every problem) or a parameter is in two groups
   */
  public Adagrad(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }


  static final class State extends DecayState {
    private float eps;
    private float negClr;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float sign = this.sign;
      float wd = weightDecay;
      float eps = this.eps;
      float negClr = this.negClr;
      float[] sum = s0;
      for (int i = from; i < to; i++) {
        float x = w[i];
        float d = sign * g[i] + wd * x;
        float s = sum[i] + d * d;
        sum[i] = s;
        w[i] = x + negClr * (d / ((float) Math.sqrt(s) + eps));
      }
    }
  }

  @Override
  protected void initState(State state, Parameter p, ParamGroup group) {
    java.util.Arrays.fill(state.tensor(0), (float) group.getDouble("initial_accumulator_value"));
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    state.step += 1;
    state.readDecay(group, false);
    state.eps = (float) group.getDouble("eps");
    state.negClr = (float) -(group.lr() / (1 + (state.step - 1) * group.getDouble("lr_decay")));
    Passes.run(state, p.values(), grad);
  }
}
