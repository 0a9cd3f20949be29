package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scheduler made of child schedulers on the same groups (sequential, chained, warmup then a
 * schedule). The composite alone lets new groups join, registers them with every child, and
 * saves and restores its children's state with its own.
 */
public abstract class CompositeScheduler extends AbstractLrScheduler {
  protected final List<AbstractLrScheduler> children;

  protected CompositeScheduler(String type, GroupSource groups, List<AbstractLrScheduler> children) {
    this(type, groups, children, true);
  }

  /**
   * As above; {@code pytorchOneCycleBounds = false} lets every OneCycleLR child keep the bounds it
   * was built with (Anneal's per-phase behaviour, not PyTorch's numbers).
   */
  protected CompositeScheduler(String type, GroupSource groups, List<AbstractLrScheduler> children, boolean pytorchOneCycleBounds) {
    super(type, groups);
    this.children = List.copyOf(children);
    for (AbstractLrScheduler child : this.children) {
      if (child.groups != groups) {
        throw new IllegalArgumentException(type + ": child " + child.type()
            + " was built on another GroupSource; build every child on the composite's own GroupSource");
      }
      nest(child);
    }
    if (pytorchOneCycleBounds) {
      shareOneCycleBounds(this.children);
    }
  }

  /**
   * PyTorch's OneCycleLR writes its bounds into the param groups and reads them back, so of several
   * OneCycleLRs on the same groups (built in the order of the children, depth first) every one runs
   * with the bounds the last one wrote: the lr bounds of the last, the momentum bounds of the last
   * that cycles momentum.
   */
  private static void shareOneCycleBounds(List<AbstractLrScheduler> children) {
    List<OneCycleLR> cycles = new ArrayList<>();
    collectOneCycles(children, cycles);
    for (int i = 0; i < cycles.size() - 1; i++) {
      for (int j = i + 1; j < cycles.size(); j++) {
        cycles.get(i).readBoundsFrom(cycles.get(j));
      }
    }
  }

  private static void collectOneCycles(List<AbstractLrScheduler> children, List<OneCycleLR> out) {
    for (AbstractLrScheduler child : children) {
      if (child instanceof OneCycleLR cycle) {
        out.add(cycle);
      } else if (child instanceof CompositeScheduler composite) {
        collectOneCycles(composite.children, out);
      }
    }
  }

  @Override
  public boolean needsMetric() {
    return children.stream().anyMatch(AbstractLrScheduler::needsMetric);
  }

  @Override
  protected boolean cyclesMomentum() {
    return children.stream().anyMatch(AbstractLrScheduler::cyclesMomentum);
  }

  @Override
  protected void join(int g, ParamGroup group) {
    for (AbstractLrScheduler child : children) {
      child.join(g, group);
    }
    registerGroup(g, group);
  }

  /** Steps one child, passing the metric when there is one. */
  protected final void stepChild(AbstractLrScheduler child, double metric, boolean hasMetric) {
    child.advance(metric, hasMetric);
  }

  /** The lr a joining group would get from this child alone, given the lr so far. */
  protected final double childClosedForm(AbstractLrScheduler child, int g, double lr) {
    return child.closedFormLr(g, lr);
  }

  protected final double childJoinLr(AbstractLrScheduler child, int g, ParamGroup group) {
    return child.joinLr(g, group);
  }

  /** Sets every group's lr back to its base lr ({@code initial_lr}). */
  protected final void resetLrsToBase() {
    for (int g = 0; g < groupCount(); g++) {
      groups.get(g).setLr(baseLrs[g]);
    }
  }

  @Override
  protected void reset() {
    super.reset();
    for (AbstractLrScheduler child : children) {
      child.reset();
    }
  }

  /** A composite has no closed form of its own; {@code stepTo(0)} restarts it from the base lrs. */
  @Override
  public void stepTo(double epoch) {
    if (epoch != 0) {
      throw new UnsupportedOperationException(type() + " can only be restarted (stepTo(0)), not moved to epoch " + epoch);
    }
    joinIfRoot();
    resetLrsToBase();
    restart();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    throw new UnsupportedOperationException(type() + " computes through its children");
  }

  @Override
  protected Map<String, Object> saveState() {
    Map<String, Object> state = super.saveState();
    List<Map<String, Object>> states = new ArrayList<>();
    for (AbstractLrScheduler child : children) {
      states.add(child.saveState());
    }
    state.put("schedulers", states);
    return state;
  }

  @Override
  protected void validateState(Map<String, Object> state) {
    super.validateState(state);
    List<Map<String, Object>> states = childStates(state);
    for (int i = 0; i < children.size(); i++) {
      children.get(i).validateState(states.get(i));
    }
  }

  @Override
  protected void loadState(Map<String, Object> state) {
    List<Map<String, Object>> states = childStates(state);
    for (int i = 0; i < children.size(); i++) {
      children.get(i).loadState(states.get(i));
    }
    super.loadState(state);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> childStates(Map<String, Object> state) {
    Object value = state.get("schedulers");
    if (!(value instanceof List<?> list) || list.size() != children.size()) {
      throw new IllegalArgumentException(type() + " state must hold " + children.size() + " child states under \"schedulers\", has " + value);
    }
    return (List<Map<String, Object>>) list;
  }
}
