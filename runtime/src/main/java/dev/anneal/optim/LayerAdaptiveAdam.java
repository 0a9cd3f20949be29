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
 * A layer-adaptive Adam: Adam's moments without bias correction, and one step size per tensor,
 * {@code lr * trust_coefficient * mean(|m| / (sqrt(v) + eps))} ({@code trust_coefficient} defaults
 * to 1), applied to {@code m}: {@code w -= step * m}.
 * {@code weight_decay} adds {@code wd * w} to the gradient (L2, as Adam). Two passes: a reduction
 * updates the moments and sums the ratio (in parallel blocks, combined in a fixed order), then an
 * element pass applies the step.
 */
public final class LayerAdaptiveAdam extends ElementwiseOptimizer<LayerAdaptiveAdam.State> {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "LayerAdaptiveAdam";
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
  public LayerAdaptiveAdam(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }


  static final class State extends MomentState implements ReductionKernel {
    private float negStep;
    private final double[] ratioSum = new double[1];

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float[] m = s0;
      float negStep = this.negStep;
      for (int i = from; i < to; i++) {
        w[i] = w[i] + negStep * m[i];
      }
    }

    /** The moments, and the block's {@code sum(|m| / (sqrt(v) + eps))}. */
    /** Blocks arrive as scratch copies {@code [0, len)}, so the temp is indexed like the rest. */
    @Override
    public boolean blockLocal() {
      return true;
    }

    @Override
    public void reduce(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to, double[] out, int at) {
      float[] m = s0;
      float[] v = s1;
      float[] ratio = Sums.temp();
      for (int i = from; i < to; i++) {
        float d = g[i] + weightDecay * w[i];
        float mi = oneMinusBeta1 * (d - m[i]) + m[i];
        float vi = beta2 * v[i] + oneMinusBeta2 * (d * d);
        m[i] = mi;
        v[i] = vi;
        ratio[i] = Math.abs(mi) / ((float) Math.sqrt(vi) + eps);
      }
      out[at] = Sums.sum(ratio, from, to);
    }
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    state.step += 1;
    state.readBetas(group);
    state.weightDecay = (float) group.getDouble("weight_decay");
    Reductions.run(state, p.values(), grad, state.ratioSum);
    double mean = p.size() == 0 ? 0 : state.ratioSum[0] / p.size();
    state.negStep = (float) (-group.lr() * group.getDouble("trust_coefficient") * mean);
    Passes.run(state, p.values(), grad);
  }
}
