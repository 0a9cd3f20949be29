package dev.anneal.plan;

import java.util.List;
import java.util.Map;
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

  /** Each parameter's layer, in the order of the names given, and the top layer (whose factor is 1). */
  record Layers(int[] of, int top) {}

  /**
   * The layers of a group's parameters, given all their names: by default {@link #of} each, with
   * {@code top} the largest layer found and names without one on it (timm's
   * {@code param_groups_layer_decay} fallback). Rules that need the whole set of names (a layer
   * above the largest block, ids renumbered in order) override this.
   */
  default Layers layers(List<String> names) {
    int[] layers = new int[names.size()];
    int top = -1;
    for (int i = 0; i < layers.length; i++) {
      layers[i] = of(names.get(i));
      top = Math.max(top, layers[i]);
    }
    for (int i = 0; i < layers.length; i++) {
      if (layers[i] < 0) {
        layers[i] = top;
      }
    }
    return new Layers(layers, top);
  }

  /**
   * BEiT's and MAE's {@code get_layer_id_for_vit} ({@code util/lr_decay.py}): {@code cls_token},
   * {@code pos_embed} and {@code patch_embed.*} are layer 0, {@code blocks.<i>.*} is layer {@code i + 1},
   * everything else (the head, {@code fc_norm}, {@code norm}) is the top layer
   * {@code num_layers = len(blocks) + 1}.
   */
  static LayerIndex vitBeit() {
    return new LayerIndex() {
      @Override
      public int of(String name) {
        if (name.equals("cls_token") || name.equals("pos_embed") || name.startsWith("patch_embed")) {
          return 0;
        }
        if (name.startsWith("blocks")) {
          String[] parts = name.split("\\.");
          if (parts.length < 2 || !parts[1].matches("\\d+")) {
            throw new IllegalArgumentException("parameter " + name + " starts with blocks but has no block index after it, "
                + "which MAE's get_layer_id_for_vit reads as int(name.split('.')[1])");
          }
          return Integer.parseInt(parts[1]) + 1;
        }
        return -1;
      }

      @Override
      public Layers layers(List<String> names) {
        int blocks = 0;
        int[] layers = new int[names.size()];
        for (int i = 0; i < layers.length; i++) {
          layers[i] = of(names.get(i));
          blocks = Math.max(blocks, layers[i]);   // block i is layer i + 1: the largest is len(blocks)
        }
        int top = blocks + 1;
        for (int i = 0; i < layers.length; i++) {
          if (layers[i] < 0) {
            layers[i] = top;
          }
        }
        return new Layers(layers, top);
      }

      @Override
      public String toString() {
        return "LayerIndex.vitBeit()";
      }
    };
  }

  /**
   * timm's {@code VisionTransformer.group_matcher(coarse=False)} read by {@code group_with_matcher}:
   * {@code cls_token}, {@code reg_token}, {@code pos_embed}, {@code patch_embed*} (the stem) first,
   * then one layer per {@code blocks.<i>}, {@code norm*} joining the last block's layer, and every
   * other name (the head, {@code fc_norm}) one layer above; ids are numbered in that order over the
   * names present, so the top is the head's.
   */
  static LayerIndex vitTimm() {
    Pattern stem = Pattern.compile("^cls_token|reg_token|pos_embed|patch_embed");
    Pattern block = Pattern.compile("^blocks\\.(\\d+)");
    Pattern norm = Pattern.compile("^norm");
    double matchPrevious = 99999;   // timm's MATCH_PREV_GROUP: an ordinal ending in it joins the group before it
    return new LayerIndex() {
      /** timm's ordinal of a name: stem (0), block (1, i), norm (1, 99999: the previous group), other (inf). */
      private double[] ordinal(String name) {
        if (stem.matcher(name).lookingAt()) {
          return new double[] {0};
        }
        Matcher m = block.matcher(name);
        if (m.lookingAt()) {
          return new double[] {1, Double.parseDouble(m.group(1))};
        }
        if (norm.matcher(name).lookingAt()) {
          return new double[] {1, matchPrevious};
        }
        return new double[] {Double.POSITIVE_INFINITY};
      }

      @Override
      public int of(String name) {
        return layers(List.of(name)).of()[0];
      }

      @Override
      public Layers layers(List<String> names) {
        java.util.TreeMap<double[], Integer> ids = new java.util.TreeMap<>(java.util.Arrays::compare);
        for (String name : names) {
          ids.put(ordinal(name), -1);
        }
        int id = -1;
        for (Map.Entry<double[], Integer> e : ids.entrySet()) {
          double[] key = e.getKey();
          if (id < 0 || key[key.length - 1] != matchPrevious) {
            id++;
          }
          e.setValue(id);
        }
        int[] layers = new int[names.size()];
        for (int i = 0; i < layers.length; i++) {
          layers[i] = ids.get(ordinal(names.get(i)));
        }
        return new Layers(layers, id);
      }

      @Override
      public String toString() {
        return "LayerIndex.vitTimm()";
      }
    };
  }

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
