package dev.anneal.optim;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.SGD}: momentum, dampening, Nesterov, weight decay and maximize, with
 * PyTorch 2.x defaults ({@code lr=1e-3}).
 */
public final class Sgd extends AbstractOptimizer<Sgd.State> {
  public static final String TYPE = "SGD";

  public Sgd(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(TYPE, withDefaults(overrides), groups);
  }

  static Map<String, Object> withDefaults(Map<String, ?> overrides) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("lr", 1e-3);
    defaults.put("momentum", 0.0);
    defaults.put("dampening", 0.0);
    defaults.put("weight_decay", 0.0);
    defaults.put("nesterov", false);
    defaults.put("maximize", false);
    defaults.putAll(overrides);
    return defaults;
  }

  @Override
  protected void validate(ParamGroup group) {
    super.validate(group);
    if (group.getDouble("momentum") < 0) {
      throw new IllegalArgumentException("Invalid momentum value: " + group.getDouble("momentum"));
    }
    if (group.getDouble("weight_decay") < 0) {
      throw new IllegalArgumentException("Invalid weight_decay value: " + group.getDouble("weight_decay"));
    }
    if (group.getBoolean("nesterov") && (group.getDouble("momentum") <= 0 || group.getDouble("dampening") != 0)) {
      throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
    }
  }

  /** The momentum buffer, absent until the first step with momentum. */
  static final class State {
    float[] momentumBuffer;
  }

  @Override
  protected State newState(Parameter p, ParamGroup group) {
    return new State();
  }

  @Override
  protected void update(ParamGroup group, Parameter p, FloatStorage grad, State state) {
    float lr = (float) group.lr();
    float weightDecay = (float) group.getDouble("weight_decay");
    float momentum = (float) group.getDouble("momentum");
    float dampening = (float) group.getDouble("dampening");
    boolean nesterov = group.getBoolean("nesterov");
    float sign = group.getBoolean("maximize") ? -1f : 1f;
    FloatStorage values = p.values();
    boolean first = momentum != 0 && state.momentumBuffer == null;
    if (first) {
      state.momentumBuffer = new float[p.size()];
    }
    float[] buf = state.momentumBuffer;
    for (int i = 0, n = p.size(); i < n; i++) {
      float w = values.get(i);
      float d = sign * grad.get(i);
      if (weightDecay != 0) {
        d += weightDecay * w;
      }
      if (momentum != 0) {
        buf[i] = first ? d : momentum * buf[i] + (1 - dampening) * d;
        d = nesterov ? d + momentum * buf[i] : buf[i];
      }
      values.set(i, w - lr * d);
    }
  }

  @Override
  protected OptimizerState.ParamState exportState(Parameter p, State state) {
    Map<String, float[]> tensors = new LinkedHashMap<>();
    if (state.momentumBuffer != null) {
      tensors.put("momentum_buffer", state.momentumBuffer);
    }
    return new OptimizerState.ParamState(tensors, Map.of());
  }

  @Override
  protected State importState(Parameter p, ParamGroup group, OptimizerState.ParamState exported) {
    State state = new State();
    if (exported.tensors().containsKey("momentum_buffer")) {
      state.momentumBuffer = requireTensor(p, exported, "momentum_buffer");
    }
    return state;
  }
}
