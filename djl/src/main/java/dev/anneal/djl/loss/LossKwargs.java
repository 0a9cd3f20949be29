package dev.anneal.djl.loss;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loss's keyword arguments under PyTorch's names, checked against its descriptor and completed
 * with the defaults: what every loss constructor reads.
 */
public final class LossKwargs {
  private final String loss;
  private final Map<String, Object> values;

  private LossKwargs(String loss, Map<String, Object> values) {
    this.loss = loss;
    this.values = Collections.unmodifiableMap(values);
  }

  /** Checks {@code given} against {@code loss}'s descriptor and fills in the defaults. */
  public static LossKwargs resolve(String loss, Map<String, ?> given) {
    List<LossTable.Arg> args = LossTable.arguments(loss);
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : given.keySet()) {
      if (args.stream().noneMatch(a -> a.name().equals(name))) {
        throw new LossInputException(loss, name, "is not an argument of " + loss + " (it takes "
            + String.join(", ", args.stream().map(LossTable.Arg::name).toList()) + ")");
      }
    }
    for (LossTable.Arg a : args) {
      Object value = given.containsKey(a.name()) ? given.get(a.name()) : a.defaultValue();
      String problem = a.problem(value);
      if (problem != null) {
        throw new LossInputException(loss, a.name(), problem);
      }
      values.put(a.name(), a.normalize(value));
    }
    return new LossKwargs(loss, values);
  }

  public String loss() {
    return loss;
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public double number(String name) {
    return ((Number) values.get(name)).doubleValue();
  }

  public int integer(String name) {
    return ((Number) values.get(name)).intValue();
  }

  public boolean flag(String name) {
    return (Boolean) values.get(name);
  }

  public String string(String name) {
    return (String) values.get(name);
  }

  public Reduction reduction() {
    return Reduction.of(loss, string("reduction"));
  }

  /** A tensor argument ({@code weight}, {@code pos_weight}) as floats, or null for None. */
  public float[] tensor(String name) {
    return (float[]) values.get(name);
  }

  /** The value as given (a tensor argument, a Java distance function), or null. */
  public Object get(String name) {
    return values.get(name);
  }
}
