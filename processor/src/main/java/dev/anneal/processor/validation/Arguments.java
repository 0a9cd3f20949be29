package dev.anneal.processor.validation;

import static dev.anneal.processor.validation.ArgKind.BOOL;
import static dev.anneal.processor.validation.ArgKind.INT;
import static dev.anneal.processor.validation.ArgKind.INT_LIST;
import static dev.anneal.processor.validation.ArgKind.NUMBER;
import static dev.anneal.processor.validation.ArgKind.TUPLE;
import static dev.anneal.processor.validation.ArgKind.WORD;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyword arguments each optimizer and schedule takes, under PyTorch's names (Hugging Face's
 * and timm's for their recipes), with their types; and which annotation attribute writes which
 * argument. This is what lets the processor reject an unknown or ill-typed argument at compile
 * time instead of the runtime factory at run time.
 */
final class Arguments {
  private Arguments() {}

  private static final Map<String, Map<String, ArgKind>> OPTIMIZERS = new LinkedHashMap<>();
  private static final Map<String, Map<String, ArgKind>> SCHEDULES = new LinkedHashMap<>();

  /** Attributes of {@code @Schedule} and {@code @Optimizer} and the argument each one writes. */
  static final Map<String, String> ATTRIBUTE_TO_KWARG = Map.ofEntries(
      Map.entry("lr", "lr"), Map.entry("weightDecay", "weight_decay"), Map.entry("momentum", "momentum"),
      Map.entry("betas", "betas"), Map.entry("eps", "eps"),
      Map.entry("stepSize", "step_size"), Map.entry("gamma", "gamma"), Map.entry("milestones", "milestones"),
      Map.entry("factor", "factor"), Map.entry("startFactor", "start_factor"), Map.entry("endFactor", "end_factor"),
      Map.entry("totalIters", "total_iters"), Map.entry("power", "power"), Map.entry("tMax", "T_max"),
      Map.entry("etaMin", "eta_min"), Map.entry("t0", "T_0"), Map.entry("tMult", "T_mult"),
      Map.entry("baseLr", "base_lr"), Map.entry("maxLr", "max_lr"), Map.entry("stepSizeUp", "step_size_up"),
      Map.entry("cycleMomentum", "cycle_momentum"), Map.entry("pctStart", "pct_start"),
      Map.entry("totalSteps", "total_steps"), Map.entry("warmupSteps", "num_warmup_steps"),
      Map.entry("trainingSteps", "num_training_steps"));

  static {
    optimizer("SGD", "lr", NUMBER, "momentum", NUMBER, "dampening", NUMBER, "weight_decay", NUMBER, "nesterov", BOOL, "maximize", BOOL);
    optimizer("Adam", "lr", NUMBER, "betas", TUPLE, "eps", NUMBER, "weight_decay", NUMBER, "amsgrad", BOOL, "maximize", BOOL);
    optimizer("AdamW", "lr", NUMBER, "betas", TUPLE, "eps", NUMBER, "weight_decay", NUMBER, "amsgrad", BOOL, "maximize", BOOL);
    optimizer("Adagrad", "lr", NUMBER, "lr_decay", NUMBER, "weight_decay", NUMBER, "initial_accumulator_value", NUMBER,
        "eps", NUMBER, "maximize", BOOL);
    optimizer("RMSprop", "lr", NUMBER, "alpha", NUMBER, "eps", NUMBER, "weight_decay", NUMBER, "momentum", NUMBER,
        "centered", BOOL, "maximize", BOOL);
    optimizer("Adadelta", "lr", NUMBER, "rho", NUMBER, "eps", NUMBER, "weight_decay", NUMBER, "maximize", BOOL);
    optimizer("Adamax", "lr", NUMBER, "betas", TUPLE, "eps", NUMBER, "weight_decay", NUMBER, "maximize", BOOL);
    optimizer("NAdam", "lr", NUMBER, "betas", TUPLE, "eps", NUMBER, "weight_decay", NUMBER, "momentum_decay", NUMBER,
        "decoupled_weight_decay", BOOL, "maximize", BOOL);
    optimizer("RAdam", "lr", NUMBER, "betas", TUPLE, "eps", NUMBER, "weight_decay", NUMBER, "decoupled_weight_decay", BOOL,
        "maximize", BOOL);
    optimizer("Rprop", "lr", NUMBER, "etas", TUPLE, "step_sizes", TUPLE, "maximize", BOOL);
    optimizer("ASGD", "lr", NUMBER, "lambd", NUMBER, "alpha", NUMBER, "t0", NUMBER, "weight_decay", NUMBER, "maximize", BOOL);
    optimizer("LBFGS", "lr", NUMBER, "max_iter", INT, "max_eval", INT, "tolerance_grad", NUMBER, "tolerance_change", NUMBER,
        "history_size", INT, "line_search_fn", WORD);
    optimizer("LAMB", "lr", NUMBER, "betas", TUPLE, "eps", NUMBER, "weight_decay", NUMBER, "trust_coefficient", NUMBER);
    optimizer("LARS", "lr", NUMBER, "momentum", NUMBER, "eps", NUMBER, "weight_decay", NUMBER, "trust_coefficient", NUMBER);
    optimizer("LayerAdaptiveAdam", "lr", NUMBER, "betas", TUPLE, "eps", NUMBER, "weight_decay", NUMBER, "trust_coefficient", NUMBER);

    schedule("StepLR", "step_size", INT, "gamma", NUMBER);
    schedule("MultiStepLR", "milestones", INT_LIST, "gamma", NUMBER);
    schedule("ConstantLR", "factor", NUMBER, "total_iters", INT);
    schedule("LinearLR", "start_factor", NUMBER, "end_factor", NUMBER, "total_iters", INT);
    schedule("ExponentialLR", "gamma", NUMBER);
    schedule("PolynomialLR", "total_iters", INT, "power", NUMBER);
    schedule("CosineAnnealingLR", "T_max", INT, "eta_min", NUMBER);
    schedule("CosineAnnealingWarmRestarts", "T_0", INT, "T_mult", INT, "eta_min", NUMBER);
    schedule("CyclicLR", "base_lr", NUMBER, "max_lr", NUMBER, "step_size_up", INT, "step_size_down", INT, "mode", WORD,
        "gamma", NUMBER, "scale_mode", WORD, "cycle_momentum", BOOL, "base_momentum", NUMBER, "max_momentum", NUMBER);
    schedule("OneCycleLR", "max_lr", NUMBER, "total_steps", INT, "pct_start", NUMBER, "anneal_strategy", WORD,
        "cycle_momentum", BOOL, "base_momentum", NUMBER, "max_momentum", NUMBER, "div_factor", NUMBER,
        "final_div_factor", NUMBER, "three_phase", BOOL);
    schedule("LinearWithWarmupLR", "num_warmup_steps", INT, "num_training_steps", INT);
    schedule("CosineWithWarmupLR", "num_warmup_steps", INT, "num_training_steps", INT, "num_cycles", NUMBER);
    schedule("CosineWithHardRestartsWithWarmupLR", "num_warmup_steps", INT, "num_training_steps", INT, "num_cycles", INT);
    schedule("PolynomialWithWarmupLR", "num_warmup_steps", INT, "num_training_steps", INT, "lr_end", NUMBER, "power", NUMBER);
    schedule("ConstantWithWarmupLR", "num_warmup_steps", INT);
    schedule("InverseSqrtLR", "num_warmup_steps", INT, "timescale", INT);
    schedule("WarmupStableDecayLR", "num_warmup_steps", INT, "num_stable_steps", INT, "num_decay_steps", INT,
        "num_training_steps", INT, "min_lr_ratio", NUMBER, "num_cycles", NUMBER, "warmup_type", WORD, "decay_type", WORD);
    schedule("timm.CosineLRScheduler", "t_initial", INT, "lr_min", NUMBER, "cycle_mul", NUMBER, "cycle_decay", NUMBER,
        "cycle_limit", INT, "warmup_t", INT, "warmup_lr_init", NUMBER, "warmup_prefix", BOOL, "k_decay", NUMBER,
        "noise_range_t", TUPLE, "noise_pct", NUMBER, "noise_std", NUMBER, "noise_seed", INT);
  }

  /** Arguments a schedule cannot do without. */
  static final Map<String, List<String>> REQUIRED = Map.of(
      "StepLR", List.of("step_size"), "MultiStepLR", List.of("milestones"), "ExponentialLR", List.of("gamma"),
      "CosineAnnealingWarmRestarts", List.of("T_0"), "CyclicLR", List.of("base_lr", "max_lr"),
      "OneCycleLR", List.of("max_lr"), "WarmupStableDecayLR", List.of("num_warmup_steps", "num_decay_steps"),
      "LinearWithWarmupLR", List.of("num_warmup_steps"), "CosineWithWarmupLR", List.of("num_warmup_steps"),
      "CosineWithHardRestartsWithWarmupLR", List.of("num_warmup_steps"));

  /** The argument holding a schedule's length, derived from the training when left out. */
  static final Map<String, String> DERIVED_LENGTH = Map.of(
      "CosineAnnealingLR", "T_max", "OneCycleLR", "total_steps", "LinearWithWarmupLR", "num_training_steps",
      "CosineWithWarmupLR", "num_training_steps", "CosineWithHardRestartsWithWarmupLR", "num_training_steps",
      "PolynomialWithWarmupLR", "num_training_steps", "WarmupStableDecayLR", "num_training_steps",
      "timm.CosineLRScheduler", "t_initial");

  /** The arguments of an optimizer type, by PyTorch name. */
  static Map<String, ArgKind> optimizer(String type) {
    return OPTIMIZERS.getOrDefault(type, Map.of());
  }

  /** The arguments of a schedule type, by PyTorch name. */
  static Map<String, ArgKind> schedule(String type) {
    return SCHEDULES.getOrDefault(type, Map.of());
  }

  private static void optimizer(String type, Object... pairs) {
    OPTIMIZERS.put(type, table(pairs));
  }

  private static void schedule(String type, Object... pairs) {
    SCHEDULES.put(type, table(pairs));
  }

  private static Map<String, ArgKind> table(Object... pairs) {
    Map<String, ArgKind> table = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      table.put((String) pairs[i], (ArgKind) pairs[i + 1]);
    }
    return table;
  }
}
