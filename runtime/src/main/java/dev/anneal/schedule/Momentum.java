package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;

/**
 * Where a scheduler cycles momentum: SGD-style groups hold {@code momentum}, Adam-style groups
 * hold {@code betas} and the first beta plays momentum's role (PyTorch 2.x's {@code use_beta1}).
 */
public final class Momentum {
  private Momentum() {}

  /** Whether a group has a momentum that can be cycled. */
  public static boolean supported(ParamGroup group) {
    return group.has(ParamGroup.BETAS) || group.has(ParamGroup.MOMENTUM);
  }

  /** Writes the value in place: {@code betas[0]} when the group has betas, else {@code momentum}. */
  public static void write(ParamGroup group, double value) {
    if (group.has(ParamGroup.BETAS)) {
      group.set(ParamGroup.BETAS, 0, value);
    } else {
      group.set(ParamGroup.MOMENTUM, value);
    }
  }

  public static double read(ParamGroup group) {
    return group.has(ParamGroup.BETAS) ? group.getDouble(ParamGroup.BETAS, 0) : group.getDouble(ParamGroup.MOMENTUM);
  }

  /** Refuses a group without momentum or betas, naming the scheduler and the fix. */
  static void require(ParamGroup group, String scheduler) {
    if (!supported(group)) {
      throw new IllegalArgumentException(scheduler + " with cycle_momentum=True needs an optimizer with momentum or betas, but group "
          + group.name() + " has neither; pass cycle_momentum=False");
    }
  }
}
