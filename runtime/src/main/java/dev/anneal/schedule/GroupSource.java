package dev.anneal.schedule;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import java.util.List;

/**
 * The parameter groups a scheduler drives: every group of an optimizer, including groups added
 * later ({@link #live}), or a fixed list for a per-group schedule ({@link #fixed}).
 */
public interface GroupSource {

  int size();

  ParamGroup get(int index);

  /** Every group of the optimizer, now and later: a group added during training joins the schedule. */
  static GroupSource live(Optimizer optimizer) {
    List<ParamGroup> groups = optimizer.paramGroups();
    return new GroupSource() {
      @Override
      public int size() {
        return groups.size();
      }

      @Override
      public ParamGroup get(int index) {
        return groups.get(index);
      }
    };
  }

  /** Exactly these groups (a per-group schedule). */
  static GroupSource fixed(List<ParamGroup> groups) {
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("a scheduler needs at least one parameter group, got an empty list");
    }
    List<ParamGroup> copy = List.copyOf(groups);
    return new GroupSource() {
      @Override
      public int size() {
        return copy.size();
      }

      @Override
      public ParamGroup get(int index) {
        return copy.get(index);
      }
    };
  }
}
