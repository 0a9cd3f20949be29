package dev.anneal.djl.interop;

import java.util.Map;
import java.util.Objects;

/**
 * Maps the name of a tensor in a PyTorch file ({@code features.0.weight}) to the name of a block
 * tensor ({@link TorchNames}), or to {@code null} to leave the tensor out on purpose (it is then
 * reported as ignored, not as unexpected): {@code num_batches_tracked}, which DJL does not keep, or
 * a classifier head that is being replaced.
 */
@FunctionalInterface
public interface NameMapping {

  /** The block tensor's name for a file tensor, or {@code null} to ignore it. */
  String blockName(String fileName);

  /** {@return the mapping under which names are the same on both sides} */
  static NameMapping identity() {
    return name -> name;
  }

  /**
   * The names a map gives; a name the map does not hold is kept as it is, a name it maps to
   * {@code null} is ignored.
   */
  static NameMapping of(Map<String, String> renames) {
    Map<String, String> copy = new java.util.HashMap<>(renames);
    return name -> copy.containsKey(name) ? copy.get(name) : name;
  }

  /** Drops a prefix where present, as {@code module.} of a model saved inside {@code DataParallel}. */
  static NameMapping stripPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return name -> name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }

  /**
   * The names under {@code prefix}, without it; every other name ignored. For a model whose fields
   * are separate blocks loaded from one PyTorch file: {@code TorchWeights.load(model.stem, file,
   * NameMapping.under("stem."), true)}.
   */
  static NameMapping under(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return name -> name.startsWith(prefix) ? name.substring(prefix.length()) : null;
  }

  /** Ignores PyTorch's BatchNorm counter {@code num_batches_tracked}, which DJL does not keep. */
  static NameMapping ignoringBatchCounters() {
    return name -> name.endsWith(".num_batches_tracked") || name.equals("num_batches_tracked") ? null : name;
  }

  /** This mapping, then {@code next} on its result (an ignored name stays ignored). */
  default NameMapping andThen(NameMapping next) {
    Objects.requireNonNull(next, "next");
    return name -> {
      String mapped = blockName(name);
      return mapped == null ? null : next.blockName(mapped);
    };
  }
}
