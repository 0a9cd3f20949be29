package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import java.util.Map;

/**
 * The per-group momentum (or beta1) bounds that {@link CyclicLR} and {@link OneCycleLR} cycle
 * between inversely to the lr: checked at construction, set when a group is prepared (a group
 * that joins later takes a scalar bound, or the last listed one), saved as
 * {@code base_momentums}/{@code max_momentums}. Does nothing when cycling is off.
 */
final class MomentumCycle {
  private final String scheduler;
  private final boolean enabled;
  private final PerGroup baseArg;
  private final PerGroup maxArg;
  private double[] base = new double[0];
  private double[] max = new double[0];

  MomentumCycle(String scheduler, GroupSource groups, boolean enabled, PerGroup baseMomentum,
      PerGroup maxMomentum) {
    this.scheduler = scheduler;
    this.enabled = enabled;
    this.baseArg = baseMomentum;
    this.maxArg = maxMomentum;
    if (enabled) {
      baseMomentum.checkSize(groups.size());
      maxMomentum.checkSize(groups.size());
      for (int g = 0; g < groups.size(); g++) {
        Momentum.require(groups.get(g), scheduler);
      }
    }
  }

  boolean enabled() {
    return enabled;
  }

  double base(int g) {
    return base[g];
  }

  double max(int g) {
    return max[g];
  }

  /** Sets group {@code g}'s bounds and starts its momentum at the upper one. */
  void prepare(int g, ParamGroup group) {
    if (!enabled) {
      return;
    }
    Momentum.require(group, scheduler);
    base = AbstractLrScheduler.ensure(base, g);
    max = AbstractLrScheduler.ensure(max, g);
    base[g] = baseArg.get(g, lastOf(baseArg));
    max[g] = maxArg.get(g, lastOf(maxArg));
    Momentum.write(group, max[g]);
  }

  private static double lastOf(PerGroup arg) {
    return arg.isList() ? arg.values().get(arg.values().size() - 1) : arg.scalar();
  }

  void save(Map<String, Object> state, int groups) {
    if (enabled) {
      state.put("base_momentums", AbstractLrScheduler.toList(base, groups));
      state.put("max_momentums", AbstractLrScheduler.toList(max, groups));
    }
  }

  void load(Map<String, Object> state, int groups) {
    if (enabled) {
      System.arraycopy(AbstractLrScheduler.numbers(state, "base_momentums"), 0, base, 0, groups);
      System.arraycopy(AbstractLrScheduler.numbers(state, "max_momentums"), 0, max, 0, groups);
    }
  }
}
