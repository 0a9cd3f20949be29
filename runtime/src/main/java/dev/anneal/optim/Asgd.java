package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.ASGD}: {@code w = w*(1 - lambd*eta) - eta*d}, and the average {@code ax} of
 * the iterates once {@code step > t0}. {@code eta} and {@code mu} used by a step are the ones the
 * previous step computed ({@code eta} starts at the group's lr, {@code mu} at 1), as in PyTorch.
 */
public final class Asgd extends ElementwiseOptimizer<Asgd.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "ASGD";
  private static final StateLayout STATE = StateLayout.of("ax").withScalars("step", "eta", "mu");

  /**
   * The optimizer over {@code groups}.
   *
   * @param groups the parameter groups, each with the hyperparameters it sets itself
   * @param overrides hyperparameters for every group that does not set them, under PyTorch's names;
   *     the rest take PyTorch's defaults
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of its range (a
   *     {@code DescriptorException} naming every problem) or a parameter is in two groups
   */
  public Asgd(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }


  static final class State extends DecayState {
    double eta;
    double mu = 1.0;
    private float negEta;
    private float muF;
    private boolean averaging;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float sign = this.sign;
      float wd = weightDecay;
      float decay = this.decay;
      float negEta = this.negEta;
      float mu = muF;
      float[] ax = s0;
      boolean averaging = this.averaging;
      for (int i = from; i < to; i++) {
        float x = w[i];
        float d = sign * g[i] + wd * x;
        x = x * decay;
        x = x + negEta * d;
        w[i] = x;
        ax[i] = averaging ? ax[i] + (x - ax[i]) * mu : x;
      }
    }

    @Override
    double scalar(String name) {
      return switch (name) {
        case "eta" -> eta;
        case "mu" -> mu;
        default -> super.scalar(name);
      };
    }

    @Override
    void setScalar(String name, double value) {
      switch (name) {
        case "eta" -> eta = value;
        case "mu" -> mu = value;
        default -> super.setScalar(name, value);
      }
    }
  }

  @Override
  protected void initState(State state, Parameter p, ParamGroup group) {
    state.eta = group.lr();
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    double lr = group.lr();
    double lambd = group.getDouble("lambd");
    state.step += 1;
    state.readDecay(group, false);
    state.decay = (float) (1 - lambd * state.eta); // ASGD scales the weights by its own lambd, not by wd
    state.negEta = (float) -state.eta;
    state.muF = (float) state.mu;
    state.averaging = state.mu != 1;
    Passes.run(state, p.values(), grad);
    state.eta = lr / Math.pow(1 + lambd * lr * state.step, group.getDouble("alpha"));
    state.mu = 1 / Math.max(1, state.step - group.getDouble("t0"));
  }
}
