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

/**
 * The module type ({@code dev.anneal.param.Parameter#moduleType()}) of a DJL block's own
 * parameters: the PyTorch class the block stands for ({@code Linear}, {@code Conv2d},
 * {@code LayerNorm}, {@code ConvTranspose2d}), or {@code "BatchNorm"} for DJL's BatchNorm (and
 * GhostBatchNorm), which serves every input rank where PyTorch has BatchNorm1d/2d/3d; {@code ""}
 * for other blocks. {@code ParamRule.normLayers()} selects the normalization ones by it.
 */
final class ModuleTypes {
  private ModuleTypes() {}

  static String of(Block block) {
    if (block instanceof BatchNorm) {
      return "BatchNorm";
    }
    if (block instanceof LayerNorm) {
      return "LayerNorm";
    }
    if (block instanceof Linear) {
      return "Linear";
    }
    if (block instanceof Conv1dTranspose) {
      return "ConvTranspose1d";
    }
    if (block instanceof Conv2dTranspose) {
      return "ConvTranspose2d";
    }
    if (block instanceof Conv1d) {
      return "Conv1d";
    }
    if (block instanceof Conv2d) {
      return "Conv2d";
    }
    if (block instanceof Conv3d) {
      return "Conv3d";
    }
    return "";
  }
}
