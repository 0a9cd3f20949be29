package dev.anneal.djl.interop;

import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.anneal.djl.BlockParameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every tensor of a DJL block (parameters and BatchNorm's running statistics) under the name
 * PyTorch's {@code state_dict()} gives the same module: the path as {@link BlockParameters} builds
 * it ({@code features.0}, {@code stem.conv1}) and the leaf as PyTorch calls it: DJL's {@code gamma}
 * and {@code beta} of a norm layer are {@code weight} and {@code bias}, {@code runningMean} and
 * {@code runningVar} are {@code running_mean} and {@code running_var}, an embedding's table is
 * {@code weight}. A block whose leaves would collide under those names keeps DJL's.
 */
public final class TorchNames {
  private TorchNames() {}

  /** The block's tensors by PyTorch name, in the block's order. */
  public static Map<String, Parameter> of(Block block) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    collect("", block, out);
    return Collections.unmodifiableMap(out);
  }

  private static void collect(String path, Block block, Map<String, Parameter> out) {
    List<Pair<String, Parameter>> direct = new ArrayList<>();
    block.getDirectParameters().forEach(direct::add);
    List<String> leaves = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean unique = true;
    for (Pair<String, Parameter> p : direct) {
      String leaf = torchLeaf(p.getKey(), p.getValue().getType());
      unique &= seen.add(leaf);
      leaves.add(leaf);
    }
    for (int i = 0; i < direct.size(); i++) {
      String leaf = unique ? leaves.get(i) : direct.get(i).getKey();
      out.put(join(path, leaf), direct.get(i).getValue());
    }
    BlockList children = block.getChildren();
    List<String> names = BlockParameters.childNames(block, children);
    for (int i = 0; i < children.size(); i++) {
      collect(join(path, names.get(i)), children.valueAt(i), out);
    }
  }

  private static String torchLeaf(String djlName, Parameter.Type type) {
    return switch (type) {
      case WEIGHT, GAMMA -> "weight";
      case BIAS, BETA -> "bias";
      case RUNNING_MEAN -> "running_mean";
      case RUNNING_VAR -> "running_var";
      case OTHER -> djlName;
    };
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
