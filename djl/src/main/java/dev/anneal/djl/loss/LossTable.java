package dev.anneal.djl.loss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 21 losses' PyTorch 2.x keyword arguments, defaults and valid values, written once. Every
 * loss constructor, typed builder and {@link Losses#create} reads them through {@link LossKwargs}.
 */
final class LossTable {
  private LossTable() {}

  enum Kind { NUMBER, INTEGER, FLAG, CHOICE, TENSOR, FUNCTION }

  /** One keyword argument: PyTorch name, kind, default (null: None), valid range or choices. */
  record Arg(String name, Kind kind, Object defaultValue, double min, boolean minInclusive, double max, boolean maxInclusive,
      List<String> choices) {
    static Arg number(String name, double defaultValue) {
      return new Arg(name, Kind.NUMBER, defaultValue, Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, List.of());
    }

    static Arg integer(String name, int defaultValue) {
      return new Arg(name, Kind.INTEGER, defaultValue, Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, List.of());
    }

    static Arg flag(String name, boolean defaultValue) {
      return new Arg(name, Kind.FLAG, defaultValue, 0, true, 0, true, List.of());
    }

    static Arg choice(String name, String... choices) {
      return new Arg(name, Kind.CHOICE, choices[0], 0, true, 0, true, List.of(choices));
    }

    static Arg tensor(String name) {
      return new Arg(name, Kind.TENSOR, null, 0, true, 0, true, List.of());
    }

    Arg range(double lo, boolean loInclusive, double hi, boolean hiInclusive) {
      return new Arg(name, kind, defaultValue, lo, loInclusive, hi, hiInclusive, choices);
    }

    Arg defaultValue(Object value) {
      return new Arg(name, kind, value, min, minInclusive, max, maxInclusive, choices);
    }

    String rangeText() {
      return (minInclusive ? "[" : "(") + show(min) + ", " + show(max) + (maxInclusive ? "]" : ")");
    }

    private static String show(double v) {
      return v == Double.POSITIVE_INFINITY ? "inf" : v == Double.NEGATIVE_INFINITY ? "-inf"
          : v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    String problem(Object value) {
      if (value == null) {
        return kind == Kind.TENSOR || kind == Kind.FUNCTION ? null : "must not be None";
      }
      switch (kind) {
        case NUMBER, INTEGER: {
          if (!(value instanceof Number n) || kind == Kind.INTEGER && n.doubleValue() != Math.rint(n.doubleValue())) {
            return "must be " + (kind == Kind.INTEGER ? "an integer" : "a number") + ", was " + value;
          }
          double v = n.doubleValue();
          boolean ok = !Double.isNaN(v) && (minInclusive ? v >= min : v > min) && (maxInclusive ? v <= max : v < max);
          return ok ? null : "must be in " + rangeText() + ", was " + value;
        }
        case FLAG:
          return value instanceof Boolean ? null : "must be true or false, was " + value;
        case CHOICE:
          return value instanceof String s && choices.contains(s) ? null
              : "must be one of " + String.join(", ", choices.stream().map(c -> "'" + c + "'").toList()) + ", was '" + value + "'";
        case TENSOR:
          return floats(value) != null ? null : "must be a 1-D array of numbers, was " + value;
        default:
          return null;
      }
    }

    Object normalize(Object value) {
      if (value == null) {
        return null;
      }
      return switch (kind) {
        case NUMBER -> ((Number) value).doubleValue();
        case INTEGER -> ((Number) value).intValue();
        case TENSOR -> floats(value);
        default -> value;
      };
    }
  }

  /** A tensor argument as floats: from float[], double[], int[], a List of numbers, or null when it is none of these. */
  static float[] floats(Object value) {
    if (value instanceof float[] f) {
      return f.clone();
    }
    if (value instanceof double[] d) {
      float[] out = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        out[i] = (float) d[i];
      }
      return out;
    }
    if (value instanceof int[] n) {
      float[] out = new float[n.length];
      for (int i = 0; i < n.length; i++) {
        out[i] = n[i];
      }
      return out;
    }
    if (value instanceof List<?> list && list.stream().allMatch(Number.class::isInstance)) {
      float[] out = new float[list.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = ((Number) list.get(i)).floatValue();
      }
      return out;
    }
    return null;
  }

  private static final Arg REDUCTION = Arg.choice("reduction", "mean", "sum", "none");
  private static final Arg WEIGHT = Arg.tensor("weight");
  private static final Arg IGNORE_INDEX = Arg.integer("ignore_index", -100);

  private static final Map<String, List<Arg>> TABLE = new LinkedHashMap<>();

  private static void loss(String name, Arg... args) {
    TABLE.put(name, List.of(args));
  }

  static {
    loss("L1Loss", REDUCTION);
    loss("MSELoss", REDUCTION);
    loss("CrossEntropyLoss", WEIGHT, IGNORE_INDEX, REDUCTION, Arg.number("label_smoothing", 0.0).range(0, true, 1, true));
    loss("CTCLoss", Arg.integer("blank", 0).range(0, true, Double.POSITIVE_INFINITY, true), REDUCTION, Arg.flag("zero_infinity", false));
    loss("NLLLoss", WEIGHT, IGNORE_INDEX, REDUCTION);
    loss("PoissonNLLLoss", Arg.flag("log_input", true), Arg.flag("full", false),
        Arg.number("eps", 1e-8).range(0, true, Double.POSITIVE_INFINITY, true), REDUCTION);
    loss("GaussianNLLLoss", Arg.flag("full", false), Arg.number("eps", 1e-6).range(0, true, Double.POSITIVE_INFINITY, true), REDUCTION);
    loss("KLDivLoss", Arg.choice("reduction", "mean", "batchmean", "sum", "none"), Arg.flag("log_target", false));
    loss("BCELoss", WEIGHT, REDUCTION);
    loss("BCEWithLogitsLoss", WEIGHT, REDUCTION, Arg.tensor("pos_weight"));
    loss("MarginRankingLoss", Arg.number("margin", 0.0), REDUCTION);
    loss("HingeEmbeddingLoss", Arg.number("margin", 1.0), REDUCTION);
    loss("MultiLabelMarginLoss", REDUCTION);
    loss("HuberLoss", REDUCTION, Arg.number("delta", 1.0).range(0, false, Double.POSITIVE_INFINITY, true));
    loss("SmoothL1Loss", REDUCTION, Arg.number("beta", 1.0).range(0, true, Double.POSITIVE_INFINITY, true));
    loss("SoftMarginLoss", REDUCTION);
    loss("MultiLabelSoftMarginLoss", WEIGHT, REDUCTION);
    loss("CosineEmbeddingLoss", Arg.number("margin", 0.0), REDUCTION);
    loss("MultiMarginLoss", Arg.integer("p", 1).range(1, true, 2, true), Arg.number("margin", 1.0), WEIGHT, REDUCTION);
    loss("TripletMarginLoss", Arg.number("margin", 1.0), Arg.number("p", 2.0), Arg.number("eps", 1e-6), Arg.flag("swap", false), REDUCTION);
    loss("TripletMarginWithDistanceLoss",
        Arg.choice("distance_function", "pairwise_distance", "cosine"),
        Arg.number("margin", 1.0).range(0, false, Double.POSITIVE_INFINITY, true), Arg.flag("swap", false), REDUCTION);
  }

  static List<String> names() {
    return new ArrayList<>(TABLE.keySet());
  }

  static List<Arg> arguments(String loss) {
    List<Arg> args = TABLE.get(loss);
    if (args == null) {
      throw new LossInputException(loss, "type", "is not a torch.nn loss Anneal knows (it knows " + String.join(", ", TABLE.keySet()) + ")");
    }
    return args;
  }
}
