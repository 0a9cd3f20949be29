package dev.anneal.processor.writing;

import dev.anneal.processor.model.Arg;
import dev.anneal.processor.model.Count;
import dev.anneal.processor.model.ScheduleNode;
import dev.anneal.processor.model.Value;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The learning rate a schedule gives at position {@code t} (in its own unit), in closed form, for
 * the preview. Evaluated: StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR, PolynomialLR,
 * CosineAnnealingLR and CosineAnnealingWarmRestarts (PyTorch's closed forms), OneCycleLR, the four
 * warmups, SequentialLR, ChainedScheduler of ratio schedules, and Hugging Face's linear, cosine and
 * constant recipes with warmup. Everything else (CyclicLR, timm, the other recipes) is not
 * evaluated; ReduceLROnPlateau shows the lr before any reduction, since it depends on metrics.
 */
final class ScheduleMath {
  private static final Set<String> RATIO = Set.of("StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR");

  private final int stepsPerEpoch;

  ScheduleMath(int stepsPerEpoch) {
    this.stepsPerEpoch = stepsPerEpoch;
  }

  /** The lr at position {@code t}, or empty when this schedule is not evaluated. */
  OptionalDouble lr(ScheduleNode node, double base, long t) {
    if (node instanceof ScheduleNode.Warmup warmup) {
      return warmup(warmup, base, t);
    }
    if (node instanceof ScheduleNode.Sequential sequence) {
      List<Long> milestones = sequence.milestoneValues();
      int phase = 0;
      long start = 0;
      while (phase < milestones.size() && t >= milestones.get(phase)) {
        start = milestones.get(phase);
        phase++;
      }
      return lr(sequence.phases().get(phase), base, t - start);
    }
    if (node instanceof ScheduleNode.Chained chain) {
      double lr = base;
      for (ScheduleNode child : chain.members()) {
        if (!(child instanceof ScheduleNode.Single single && RATIO.contains(single.typeName()))) {
          return OptionalDouble.empty();
        }
        lr *= lr(child, base, t).getAsDouble() / base;
      }
      return of(lr);
    }
    if (node instanceof ScheduleNode.Plateau) {
      return of(base);
    }
    if (!(node instanceof ScheduleNode.Single single)) {
      return OptionalDouble.empty();
    }
    Map<String, Arg> k = single.kwargs();
    switch (single.typeName()) {
      case "StepLR":
        return of(base * Math.pow(num(k, "gamma", 0.1), Math.floorDiv(t, (long) num(k, "step_size", 1))));
      case "MultiStepLR": {
        int passed = 0;
        for (long milestone : ((Value.Wholes) k.get("milestones").value()).values()) {
          passed += t >= milestone ? 1 : 0;
        }
        return of(base * Math.pow(num(k, "gamma", 0.1), passed));
      }
      case "ConstantLR":
        return of(t < num(k, "total_iters", 5) ? base * num(k, "factor", 1.0 / 3) : base);
      case "LinearLR": {
        double total = num(k, "total_iters", 5);
        double start = num(k, "start_factor", 1.0 / 3);
        double end = num(k, "end_factor", 1.0);
        return of(base * (start + (end - start) * Math.min(t, total) / total));
      }
      case "ExponentialLR":
        return of(base * Math.pow(num(k, "gamma", 0.1), t));
      case "PolynomialLR": {
        double total = num(k, "total_iters", 5);
        return of(base * Math.pow(1 - Math.min(t, total) / total, num(k, "power", 1.0)));
      }
      case "CosineAnnealingLR": {
        double etaMin = num(k, "eta_min", 0);
        return of(etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * t / num(k, "T_max", 1))) / 2);
      }
      case "CosineAnnealingWarmRestarts":
        return of(warmRestarts(k, base, t));
      case "OneCycleLR":
        return oneCycle(k, t);
      case "LinearWithWarmupLR": case "CosineWithWarmupLR": case "ConstantWithWarmupLR":
        return of(base * transformers(single.typeName(), k, t));
      default:
        return OptionalDouble.empty();
    }
  }

  private OptionalDouble warmup(ScheduleNode.Warmup node, double base, long t) {
    long steps = node.steps().evaluate(stepsPerEpoch).orElse(0);
    double f = node.factor() == null ? 0.001 : node.factor().asDouble();
    if (t >= steps) {
      return node.after() == null ? of(base) : lr(node.after(), base, t - steps);
    }
    double a = (double) t / steps;
    return of(base * switch (node.shape()) {
      case CONSTANT -> f;
      case COSINE -> f + (1 - f) * (1 - Math.cos(Math.PI * a)) / 2;
      case EXPONENTIAL -> Math.pow(f, 1 - a);
      case LINEAR -> f * (1 - a) + a;
    });
  }

  private double warmRestarts(Map<String, Arg> k, double base, long t) {
    double t0 = num(k, "T_0", 1);
    double mult = num(k, "T_mult", 1);
    double etaMin = num(k, "eta_min", 0);
    double cur;
    double length;
    if (mult == 1) {
      cur = t % (long) t0;
      length = t0;
    } else {
      int n = (int) Math.floor(Math.log(t / t0 * (mult - 1) + 1) / Math.log(mult));
      cur = t - t0 * (Math.pow(mult, n) - 1) / (mult - 1);
      length = t0 * Math.pow(mult, n);
    }
    return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * cur / length)) / 2;
  }

  private OptionalDouble oneCycle(Map<String, Arg> k, long t) {
    double total = num(k, "total_steps", 1);
    double max = num(k, "max_lr", 0);
    double initial = max / num(k, "div_factor", 25);
    double min = initial / num(k, "final_div_factor", 1e4);
    double pct = num(k, "pct_start", 0.3);
    boolean cos = !"linear".equals(word(k, "anneal_strategy"));
    boolean three = k.containsKey("three_phase") && k.get("three_phase").value() instanceof Value.Flag flag && flag.value();
    double[][] phases = three
        ? new double[][] {{pct * total - 1, initial, max}, {2 * pct * total - 2, max, initial}, {total - 1, initial, min}}
        : new double[][] {{pct * total - 1, initial, max}, {total - 1, max, min}};
    double start = 0;
    for (int i = 0; i < phases.length; i++) {
      double end = phases[i][0];
      if (t <= end || i == phases.length - 1) {
        double p = (t - start) / (end - start);
        double from = phases[i][1];
        double to = phases[i][2];
        return of(cos ? to + (from - to) / 2 * (Math.cos(Math.PI * p) + 1) : (to - from) * p + from);
      }
      start = end;
    }
    return OptionalDouble.empty();
  }

  private double transformers(String type, Map<String, Arg> k, long t) {
    double warm = num(k, "num_warmup_steps", 0);
    if (t < warm) {
      return t / Math.max(1, warm);
    }
    if (type.equals("ConstantWithWarmupLR")) {
      return 1;
    }
    double total = num(k, "num_training_steps", 1);
    if (type.equals("LinearWithWarmupLR")) {
      return Math.max(0, (total - t) / Math.max(1, total - warm));
    }
    double progress = (t - warm) / Math.max(1, total - warm);
    return Math.max(0, 0.5 * (1 + Math.cos(Math.PI * num(k, "num_cycles", 0.5) * 2 * progress)));
  }

  private static String word(Map<String, Arg> k, String key) {
    Arg arg = k.get(key);
    return arg == null ? null : arg.value().show();
  }

  private double num(Map<String, Arg> k, String key, double fallback) {
    Arg arg = k.get(key);
    return arg == null ? fallback : arg.value() instanceof Count count ? count.evaluate(stepsPerEpoch).orElse(0) : arg.asDouble();
  }

  private static OptionalDouble of(double value) {
    return OptionalDouble.of(value);
  }
}
