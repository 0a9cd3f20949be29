package dev.anneal.plan;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.LrScheduler;
import dev.anneal.schedule.MetricScheduler;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small stand-ins for the real schedulers, written from PyTorch's definitions: StepLR (closed
 * form {@code base * gamma ^ (epoch // step_size)}) and ReduceLROnPlateau (mode min, rel
 * threshold, no cooldown). Only for plan tests that must not depend on the scheduler package.
 */
final class TestSchedulers implements SchedulerFactory {
  @Override
  public LrScheduler create(Spec spec, Optimizer optimizer, List<ParamGroup> groups) {
    return switch (spec.type()) {
      case "StepLR" -> new StepLr(groups, ((Number) spec.get("step_size")).intValue(), spec.getDouble("gamma", 0.1));
      case "ReduceLROnPlateau" -> new Plateau(groups, spec.getDouble("factor", 0.1), ((Number) spec.kwargs().getOrDefault("patience", 10)).intValue());
      default -> throw new IllegalArgumentException("test factory has no " + spec.type());
    };
  }

  static final class StepLr implements LrScheduler {
    private final List<ParamGroup> groups;
    private final int stepSize;
    private final double gamma;
    private int lastEpoch;

    StepLr(List<ParamGroup> groups, int stepSize, double gamma) {
      this.groups = groups;
      this.stepSize = stepSize;
      this.gamma = gamma;
      for (ParamGroup g : groups) {
        if (!g.has(ParamGroup.INITIAL_LR)) {
          g.set(ParamGroup.INITIAL_LR, g.lr());
        }
      }
      write();
    }

    @Override
    public void step() {
      lastEpoch++;
      write();
    }

    private void write() {
      for (ParamGroup g : groups) {
        g.setLr(g.getDouble(ParamGroup.INITIAL_LR) * Math.pow(gamma, lastEpoch / stepSize));
      }
    }

    @Override
    public List<Double> lastLr() {
      return groups.stream().map(ParamGroup::lr).toList();
    }

    @Override
    public Map<String, Object> stateDict() {
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("last_epoch", lastEpoch);
      return state;
    }

    @Override
    public void loadStateDict(Map<String, Object> state) {
      lastEpoch = ((Number) state.get("last_epoch")).intValue();
    }
  }

  static final class Plateau implements MetricScheduler {
    private final List<ParamGroup> groups;
    private final double factor;
    private final int patience;
    private double best = Double.POSITIVE_INFINITY;
    private int bad;
    private final List<Double> seen = new ArrayList<>();

    Plateau(List<ParamGroup> groups, double factor, int patience) {
      this.groups = groups;
      this.factor = factor;
      this.patience = patience;
    }

    @Override
    public void step(double metric) {
      seen.add(metric);
      if (metric < best * (1 - 1e-4)) {
        best = metric;
        bad = 0;
      } else {
        bad++;
      }
      if (bad > patience) {
        groups.forEach(g -> g.setLr(g.lr() * factor));
        bad = 0;
      }
    }

    List<Double> seen() {
      return seen;
    }

    @Override
    public List<Double> lastLr() {
      return groups.stream().map(ParamGroup::lr).toList();
    }

    @Override
    public Map<String, Object> stateDict() {
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("best", best);
      state.put("num_bad_epochs", bad);
      return state;
    }

    @Override
    public void loadStateDict(Map<String, Object> state) {
      best = ((Number) state.get("best")).doubleValue();
      bad = ((Number) state.get("num_bad_epochs")).intValue();
    }
  }
}
