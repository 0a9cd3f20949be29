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

  /**
   * PyTorch's {@code last_epoch} for a scheduler built on these groups: -1 (the default) starts a
   * schedule, {@code k >= 0} resumes one whose last step was {@code k} ({@link #resumedAt}).
   */
  default int lastEpoch() {
    return -1;
  }

  /**
   * These groups as a run resumed after step {@code lastEpoch} left them (each carries its
   * {@code initial_lr}): a scheduler built on them is PyTorch's {@code Scheduler(..., last_epoch=lastEpoch)}.
   */
  static GroupSource resumedAt(GroupSource groups, int lastEpoch) {
    if (lastEpoch < -1) {
      throw new IllegalArgumentException("last_epoch must be at least -1, was " + lastEpoch);
    }
    return new GroupSource() {
      @Override
      public int size() {
        return groups.size();
      }

      @Override
      public ParamGroup get(int index) {
        return groups.get(index);
      }

      @Override
      public int lastEpoch() {
        return lastEpoch;
      }
    };
  }

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
