package dev.anneal.optim;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;

/**
 * LARS as timm's {@code Lars} (timm/optim/lars.py): when {@code weight_decay != 0} or
 * {@code always_adapt}, the gradient plus weight decay is scaled per tensor by
 * {@code trust_coefficient * ||w|| / (||g|| + wd * ||w|| + eps)} (1 when either norm is 0;
 * with {@code trust_clip}, {@code min(trust / lr, 1)}); then SGD with momentum, dampening and
 * Nesterov as {@link Sgd}.
 */
public final class Lars extends ElementwiseOptimizer<Lars.State> {
  public static final String TYPE = "LARS";
  private static final StateLayout STATE = StateLayout.of().optional("momentum_buffer").withScalars();

  public Lars(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), overrides, groups, STATE, State::new);
  }


  static final class State extends TensorState {
    private boolean measuring;
    private double weightSq;
    private double gradSq;
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
      if (measuring) {
        double ws = 0;
        double gs = 0;
        for (int i = from; i < to; i++) {
          float x = w[i];
          float d = g[i];
          ws += (double) x * x;
          gs += (double) d * d;
        }
        weightSq += ws;
        gradSq += gs;
        return;
      }
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
      state.measuring = true;
      state.weightSq = 0;
      state.gradSq = 0;
      Passes.runSerial(state, p.values(), grad);
      state.measuring = false;
      double wNorm = Math.sqrt(state.weightSq);
      double gNorm = Math.sqrt(state.gradSq);
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
