package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;

/**
 * A layer-adaptive Adam: Adam's moments without bias correction, and one step size per tensor,
 * {@code lr * trust_coefficient * mean(|m| / (sqrt(v) + eps))} ({@code trust_coefficient} defaults
 * to 1), applied to {@code m}: {@code w -= step * m}.
 * {@code weight_decay} adds {@code wd * w} to the gradient (L2, as Adam). Two passes: moments and
 * the mean, then the step.
 */
public final class LayerAdaptiveAdam extends ElementwiseOptimizer<LayerAdaptiveAdam.State> {
  public static final String TYPE = "LayerAdaptiveAdam";
  private static final StateLayout STATE = StateLayout.of("exp_avg", "exp_avg_sq");

  public LayerAdaptiveAdam(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }


  static final class State extends MomentState {
    private boolean applying;
    private float negStep;
    private double ratioSum;

    @Override
    public void apply(float[] w, float[] g, float[] s0, float[] s1, float[] s2, int from, int to) {
      float[] m = s0;
      if (applying) {
        float negStep = this.negStep;
        for (int i = from; i < to; i++) {
          w[i] = w[i] + negStep * m[i];
        }
        return;
      }
      float[] v = s1;
      double sum = 0;
      for (int i = from; i < to; i++) {
        float d = g[i] + weightDecay * w[i];
        float mi = oneMinusBeta1 * (d - m[i]) + m[i];
        float vi = beta2 * v[i] + oneMinusBeta2 * (d * d);
        m[i] = mi;
        v[i] = vi;
        sum += Math.abs(mi) / ((float) Math.sqrt(vi) + eps);
      }
      ratioSum += sum;
    }
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    state.step += 1;
    state.readBetas(group);
    state.weightDecay = (float) group.getDouble("weight_decay");
    state.ratioSum = 0;
    state.applying = false;
    Passes.runSerial(state, p.values(), grad);
    double mean = p.size() == 0 ? 0 : state.ratioSum / p.size();
    state.negStep = (float) (-group.lr() * group.getDouble("trust_coefficient") * mean);
    state.applying = true;
    Passes.run(state, p.values(), grad);
  }
}
