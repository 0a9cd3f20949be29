package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Rprop}: each element's step size grows by {@code etas[1]} while its gradient
 * keeps its sign and shrinks by {@code etas[0]} when it flips (that step then moves nothing and
 * forgets the gradient), clamped to {@code step_sizes}; {@code w -= sign(g) * step_size}.
 */
public final class Rprop extends ElementwiseOptimizer<Rprop.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "Rprop";
  private static final StateLayout STATE = StateLayout.of("prev", "step_size");

  /**
   * The optimizer over {@code groups}.
   *
   * @param groups the parameter groups, each with the hyperparameters it sets itself
   * @param overrides hyperparameters for every group that does not set them, under PyTorch's names;
   *     the rest take PyTorch's defaults
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of its range (a
   *     {@code DescriptorException} naming every problem) or a parameter is in two groups
   */
  public Rprop(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }


  static final class State extends TensorState {
    private float sign;
    private float etaMinus;
    private float etaPlus;
    private float minStep;
    private float maxStep;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float sign = this.sign;
      float etaMinus = this.etaMinus;
      float etaPlus = this.etaPlus;
      float minStep = this.minStep;
      float maxStep = this.maxStep;
      float[] prev = s0;
      float[] stepSize = s1;
      for (int i = from; i < to; i++) {
        float gi = sign * g[i];
        float product = gi * prev[i];
        float factor = product > 0 ? etaPlus : product < 0 ? etaMinus : 1f;
        float s = Math.min(Math.max(stepSize[i] * factor, minStep), maxStep);
        stepSize[i] = s;
        if (factor == etaMinus) {
          gi = 0f;
        }
        w[i] = w[i] - Math.signum(gi) * s;
        prev[i] = gi;
      }
    }
  }

  @Override
  protected void initState(State state, Parameter p, ParamGroup group) {
    java.util.Arrays.fill(state.tensor(1), (float) group.lr());
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    state.step += 1;
    state.sign = group.getBoolean("maximize") ? -1f : 1f;
    state.etaMinus = (float) group.getDouble("etas", 0);
    state.etaPlus = (float) group.getDouble("etas", 1);
    state.minStep = (float) group.getDouble("step_sizes", 0);
    state.maxStep = (float) group.getDouble("step_sizes", 1);
    Passes.run(state, p.values(), grad);
  }
}
