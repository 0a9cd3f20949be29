package dev.anneal.processor.validation;

import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.Arg;
import java.util.List;

/**
 * Range rules of single keyword arguments, the same wherever the argument is written (class-level
 * optimizer, a field's override, a schedule): what PyTorch's constructors would reject at run time.
 */
final class ValueRules {
  private ValueRules() {}

  /** Checks {@code arg} as PyTorch argument {@code kwarg}; {@code subject} names it in messages, e.g. "@Optimizer lr". */
  static void check(String subject, String kwarg, Arg arg, Report report) {
    Object value = arg.value();
    if (value instanceof List<?> list) {
      checkList(subject, kwarg, list, arg, report);
      return;
    }
    if (!(value instanceof Number number)) {
      return;
    }
    double v = number.doubleValue();
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

  private static void checkList(String subject, String kwarg, List<?> list, Arg arg, Report report) {
    if (kwarg.equals("betas")) {
      boolean ok = list.size() == 2;
      for (Object item : list) {
        double beta = ((Number) item).doubleValue();
        ok &= beta >= 0 && beta < 1;
      }
      if (!ok) {
        report.add(Message.BETAS_RANGE, arg.where(), subject, show(list));
      }
    } else if (kwarg.equals("milestones")) {
      increasing(subject, list, arg, report);
    }
  }

  static void increasing(String subject, List<?> list, Arg arg, Report report) {
    for (int i = 0; i < list.size(); i++) {
      long m = ((Number) list.get(i)).longValue();
      if (m <= 0 || i > 0 && m <= ((Number) list.get(i - 1)).longValue()) {
        report.add(Message.NOT_INCREASING, arg.where(), subject + " (positive)", show(list));
        return;
      }
    }
  }

  private static void positive(String subject, double v, Arg arg, Report report) {
    if (!(v > 0)) {
      report.add(Message.NOT_POSITIVE, arg.where(), subject, show(v));
    }
  }

  private static void atLeastZero(String subject, double v, Arg arg, Report report) {
    if (!(v >= 0)) {
      report.add(Message.NEGATIVE, arg.where(), subject, show(v));
    }
  }

  private static void range(String subject, double v, boolean ok, String range, Arg arg, Report report) {
    if (!ok) {
      report.add(Message.OUT_OF_RANGE, arg.where(), subject, range, show(v));
    }
  }

  /** Numbers as a user wrote them: 3 rather than 3.0, lists in braces. */
  static String show(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    if (value instanceof List<?> list) {
      StringBuilder text = new StringBuilder("{");
      for (int i = 0; i < list.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(show(list.get(i)));
      }
      return text.append('}').toString();
    }
    return String.valueOf(value);
  }
}
