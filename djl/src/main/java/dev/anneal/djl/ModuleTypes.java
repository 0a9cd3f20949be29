package dev.anneal.djl;

import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv1dTranspose;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Conv2dTranspose;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.LayerNorm;
import java.util.List;
import java.util.Map;

/**
 * The module type ({@code dev.anneal.param.Parameter#moduleType()}) of a DJL block's own
 * parameters: the PyTorch class the block stands for ({@code Linear}, {@code Conv2d},
 * {@code LayerNorm}, {@code ConvTranspose2d}), or {@code "BatchNorm"} for DJL's BatchNorm (and
 * GhostBatchNorm), which serves every input rank where PyTorch has BatchNorm1d/2d/3d; {@code ""}
 * for other blocks. {@code ParamRule.normLayers()} selects the normalization ones by it.
 */
final class ModuleTypes {
  /** Checked in order: a transposed convolution is a convolution too. */
  private static final List<Map.Entry<Class<? extends Block>, String>> TYPES = List.of(
      Map.entry(BatchNorm.class, "BatchNorm"),
      Map.entry(LayerNorm.class, "LayerNorm"),
      Map.entry(Linear.class, "Linear"),
      Map.entry(Conv1dTranspose.class, "ConvTranspose1d"),
      Map.entry(Conv2dTranspose.class, "ConvTranspose2d"),
      Map.entry(Conv1d.class, "Conv1d"),
      Map.entry(Conv2d.class, "Conv2d"),
      Map.entry(Conv3d.class, "Conv3d"));

  private ModuleTypes() {}

  static String of(Block block) {
    for (Map.Entry<Class<? extends Block>, String> type : TYPES) {
      if (type.getKey().isInstance(block)) {
        return type.getValue();
      }
    }
    return "";
  }
}
