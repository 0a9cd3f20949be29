package dev.anneal.schedule;

import dev.anneal.optim.AbstractOptimizer;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.OptimizerState;
import dev.anneal.optim.Optimizers;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimizer a scheduler fixture drives: one group of one parameter per initial lr, built by
 * {@link Optimizers#create}. Optimizers not yet in the factory fall back to a holder of groups with
 * PyTorch's default hyperparameters (scheduler traces do not depend on optimizer math).
 */
final class FixtureOptimizers {
  private FixtureOptimizers() {}

  static Optimizer create(String name, Map<String, Object> kwargs, List<Double> initialLrs) {
    List<ParamGroup> groups = new ArrayList<>();
    for (int i = 0; i < initialLrs.size(); i++) {
      groups.add(new ParamGroup("g" + i, List.of(Parameter.of("p" + i, 0f))).with("lr", initialLrs.get(i)));
    }
    Spec spec = Spec.of(name);
    for (Map.Entry<String, Object> e : kwargs.entrySet()) {
      spec = spec.with(e.getKey(), e.getValue());
    }
    try {
      return Optimizers.create(spec, groups);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("unknown optimizer")) {
        throw e;
      }
      return new Holder(name, kwargs, groups);
    }
  }

  /** Groups with PyTorch's defaults for the optimizer's hyperparameters; steps change nothing. */
  static final class Holder extends AbstractOptimizer<Object> {
    Holder(String name, Map<String, Object> kwargs, List<ParamGroup> groups) {
      super(name, defaults(name, kwargs), groups);
    }

    private static Map<String, Object> defaults(String name, Map<String, Object> kwargs) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("lr", 1e-3);
      switch (name) {
        case "Adam", "AdamW", "NAdam", "RAdam", "Adamax" -> {
          d.put("betas", List.of(0.9, 0.999));
          d.put("eps", 1e-8);
          d.put("weight_decay", name.equals("AdamW") ? 1e-2 : 0.0);
        }
        case "RMSprop" -> {
          d.put("alpha", 0.99);
          d.put("eps", 1e-8);
          d.put("momentum", 0.0);
          d.put("weight_decay", 0.0);
        }
        default -> throw new IllegalArgumentException("fixture optimizer " + name + " is neither in Optimizers.create nor known to the test holder");
      }
      d.putAll(kwargs);
      return d;
    }

    @Override
    protected Object newState(Parameter p, ParamGroup group) {
      return new Object();
    }

    @Override
    protected void update(ParamGroup group, Parameter p, FloatStorage grad, Object state) {}

    @Override
    protected OptimizerState.ParamState exportState(Parameter p, Object state) {
      return new OptimizerState.ParamState(Map.of(), Map.of());
    }

    @Override
    protected Object importState(Parameter p, ParamGroup group, OptimizerState.ParamState exported) {
      return new Object();
    }
  }
}
