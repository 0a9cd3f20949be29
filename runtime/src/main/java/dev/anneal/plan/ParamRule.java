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
