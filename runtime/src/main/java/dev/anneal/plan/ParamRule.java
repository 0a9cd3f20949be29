package dev.anneal.plan;

import dev.anneal.param.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which of a group's parameters a split takes ({@link GroupConfig#split}, {@link GroupConfig#noDecay}),
 * by kind or by name. {@link #describe()} names the rule in the plan's declaration, so a checkpoint
 * written under another rule is refused.
 */
public final class ParamRule {
  private final String description;
  private final Predicate<Parameter> test;

  private ParamRule(String description, Predicate<Parameter> test) {
    this.description = description;
    this.test = test;
  }

  /**
   * timm's {@code param_groups_weight_decay}: parameters of at most one dimension (biases,
   * normalization weights) and those whose name ends in {@code .bias}. The parameters that should
   * get no weight decay.
   */
  public static ParamRule biasAndNorm() {
    return new ParamRule("bias_and_norm", p -> p.shape().length <= 1 || p.name().endsWith(".bias"));
  }

  /**
   * The PyTorch normalization module classes, as detectron2's {@code get_default_optimizer_params}
   * lists them ({@code norm_module_types}) and torchvision's {@code split_normalization_params}
   * selects them (subclasses of {@code _BatchNorm}, {@code _InstanceNorm}, {@code LayerNorm},
   * {@code GroupNorm}, {@code LocalResponseNorm}), and {@code BatchNorm}: DJL's BatchNorm, one block
   * for every input rank (the DJL binding's module type for it).
   */
  public static final List<String> NORM_MODULE_TYPES = List.of("BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "SyncBatchNorm",
      "GroupNorm", "InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d", "LayerNorm", "LocalResponseNorm", "BatchNorm");

  /**
   * Parameters held by a normalization module ({@link #NORM_MODULE_TYPES}), by the module's kind
   * ({@link Parameter#moduleType()}), not by shape: a classifier's bias is not one of them.
   * detectron2's {@code WEIGHT_DECAY_NORM} and torchvision's {@code norm_weight_decay} select so.
   */
  public static ParamRule normLayers() {
    return new ParamRule("norm_layers", p -> NORM_MODULE_TYPES.contains(p.moduleType()));
  }

  /** Parameters held by a module of one of these PyTorch classes ({@link Parameter#moduleType()}). */
  public static ParamRule moduleTypes(String... types) {
    List<String> list = List.of(types);
    return new ParamRule("module_types" + list, p -> list.contains(p.moduleType()));
  }

  /**
   * Parameters whose own name in their module is {@code localName}: the part of the full name after
   * the last dot, as detectron2 matches {@code module_param_name} ({@code "bias"}).
   */
  public static ParamRule localName(String localName) {
    Objects.requireNonNull(localName, "localName");
    return new ParamRule("local_name=" + localName,
        p -> p.name().substring(p.name().lastIndexOf('.') + 1).equals(localName));
  }

  /** {@code localName("bias")}: every bias, of any module (detectron2's {@code BIAS_LR_FACTOR}, {@code WEIGHT_DECAY_BIAS}). */
  public static ParamRule bias() {
    return localName("bias");
  }

  /** Parameters of at most {@code ndim} dimensions. */
  public static ParamRule ndimAtMost(int ndim) {
    return new ParamRule("ndim<=" + ndim, p -> p.shape().length <= ndim);
  }

  /**
   * Parameters whose full name matches one of the glob patterns ({@code *} any run of characters,
   * {@code ?} one character; Python's {@code fnmatch}, as timm's {@code no_weight_decay_list}
   * patterns): {@code names("*.pos_embed", "*.cls_token")}.
   */
  public static ParamRule names(String... globs) {
    List<Pattern> patterns = new ArrayList<>();
    for (String glob : globs) {
      patterns.add(glob(Objects.requireNonNull(glob, "glob")));
    }
    return new ParamRule("names" + List.of(globs), p -> patterns.stream().anyMatch(r -> r.matcher(p.name()).matches()));
  }

  /** Parameters either rule takes. */
  public ParamRule or(ParamRule other) {
    return new ParamRule(description + "|" + other.description, test.or(other.test));
  }

  public boolean matches(Parameter parameter) {
    return test.test(parameter);
  }

  /** The rule as written in the plan's declaration. */
  public String describe() {
    return description;
  }

  @Override
  public String toString() {
    return "ParamRule[" + description + "]";
  }

  /** A glob as a regular expression: {@code *} and {@code ?} are wildcards, everything else literal. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
