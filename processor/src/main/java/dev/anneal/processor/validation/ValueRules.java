package dev.anneal.processor.validation;

import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Value;

/**
 * Range rules of single keyword arguments, the same wherever the argument is written (class-level
 * optimizer, a field's override, a schedule): what PyTorch's constructors would reject at run time.
 */
final class ValueRules {
  private ValueRules() {}

  /** Checks {@code arg} as PyTorch argument {@code kwarg}; {@code subject} names it in messages, e.g. "@Optimizer lr". */
  static void check(String subject, String kwarg, Arg arg, Report report) {
    Value value = arg.value();
    if (value instanceof Value.Reals reals && kwarg.equals("betas")) {
      boolean ok = reals.values().size() == 2 && reals.values().stream().allMatch(beta -> beta >= 0 && beta < 1);
      if (!ok) {
        report.add(Message.BETAS_RANGE, arg.where(), subject, value.show());
      }
      return;
    }
    if (value instanceof Value.Wholes && kwarg.equals("milestones")) {
      increasing(subject, arg, report);
      return;
    }
    if (!(value instanceof Value.Real || value instanceof Value.Whole)) {
      return;
    }
    double v = value.number();
    switch (kwarg) {
      case "lr", "max_lr", "base_lr", "gamma", "step_size", "T_max", "T_0", "total_steps", "total_iters",
          "num_training_steps", "t_initial", "step_size_up", "max_norm" -> positive(subject, v, arg, report);
      case "weight_decay", "eps", "eta_min", "lr_min", "dampening", "min_lr", "num_warmup_steps", "warmup_t",
          "lr_decay", "initial_accumulator_value", "cooldown", "patience", "lr_end" -> atLeastZero(subject, v, arg, report);
      case "momentum" -> range(subject, v, v >= 0 && v < 1, "[0, 1)", arg, report); // PyTorch allows >= 1, which diverges
      case "rho" -> range(subject, v, v >= 0 && v <= 1, "[0, 1]", arg, report);
      case "alpha" -> atLeastZero(subject, v, arg, report);
      case "pct_start" -> range(subject, v, v > 0 && v < 1, "(0, 1)", arg, report);
      case "start_factor" -> range(subject, v, v > 0 && v <= 1, "(0, 1]", arg, report);
      case "end_factor", "factor", "warmup_factor" -> range(subject, v, v >= 0 && v <= 1, "[0, 1]", arg, report);
      case "T_mult" -> range(subject, v, v >= 1, "[1, inf)", arg, report);
      default -> { }
    }
  }

  static void increasing(String subject, Arg arg, Report report) {
    long previous = 0;
    for (long m : ((Value.Wholes) arg.value()).values()) {
      if (m <= previous) {
        report.add(Message.NOT_INCREASING, arg.where(), subject + " (positive)", arg.value().show());
        return;
      }
      previous = m;
    }
  }

  private static void positive(String subject, double v, Arg arg, Report report) {
    if (!(v > 0)) {
      report.add(Message.NOT_POSITIVE, arg.where(), subject, Value.showNumber(v));
    }
  }

  private static void atLeastZero(String subject, double v, Arg arg, Report report) {
    if (!(v >= 0)) {
      report.add(Message.NEGATIVE, arg.where(), subject, Value.showNumber(v));
    }
  }

  private static void range(String subject, double v, boolean ok, String range, Arg arg, Report report) {
    if (!ok) {
      report.add(Message.OUT_OF_RANGE, arg.where(), subject, range, Value.showNumber(v));
    }
  }
}
