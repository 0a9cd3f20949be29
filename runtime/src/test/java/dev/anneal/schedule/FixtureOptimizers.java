package dev.anneal.schedule;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.Optimizers;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The optimizer a scheduler fixture drives: one group of one parameter per initial lr, built by {@link Optimizers#create}. */
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
    return Optimizers.create(spec, groups);
  }
}
