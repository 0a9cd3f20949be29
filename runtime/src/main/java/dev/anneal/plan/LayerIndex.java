package dev.anneal.plan;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layer a parameter belongs to, for layer-wise lr decay inside one group
 * ({@link GroupConfig#layerDecay}): read from its name, or -1 when the name holds none (timm gives
 * such parameters the top layer, as here).
 */
@FunctionalInterface
public interface LayerIndex {

  /** The layer of the parameter with this full name, or -1. */
  int of(String parameterName);

  /**
   * The first number between dots in the name: a child of a DJL {@code SequentialBlock} bound as
   * {@code BlockParameters.of("blocks", block)} is named {@code blocks.<index>.…}.
   */
  static LayerIndex blockIndex() {
    return pattern("(?:^|.*?\\.)(\\d+)(?:\\..*|$)");
  }

  /** The first capturing group of {@code regex} where it matches the whole name: {@code "encoder\\.layer\\.(\\d+)\\..*"}. */
  static LayerIndex pattern(String regex) {
    Pattern compiled = Pattern.compile(Objects.requireNonNull(regex, "regex"));
    if (compiled.matcher("").groupCount() < 1) {
      throw new IllegalArgumentException("layer index pattern " + regex + " needs a capturing group around the number");
    }
    return name -> {
      Matcher m = compiled.matcher(name);
      return m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : -1;
    };
  }
}
