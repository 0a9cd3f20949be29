package dev.anneal.samples.recipes;

import dev.anneal.param.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a tiny Vision Transformer, named and ordered as timm's and MAE's
 * {@code VisionTransformer.named_parameters()} list them (two values per tensor, the shapes' ranks
 * as in the real model: what layer ids and the 1-D no-decay rule read).
 */
final class VisionTransformerParameters {
  private VisionTransformerParameters() {}

  /** timm's ViT: {@code norm} after the blocks, then the head. */
  static List<Parameter> timm(int depth) {
    List<Parameter> params = stemAndBlocks(depth);
    params.add(Parameter.zeros("norm.weight", 2));
    params.add(Parameter.zeros("norm.bias", 2));
    params.add(Parameter.zeros("head.weight", 2, 2));
    params.add(Parameter.zeros("head.bias", 2));
    return params;
  }

  /** MAE's fine-tuning ViT with global pooling: no {@code norm}, {@code fc_norm} registered after the head. */
  static List<Parameter> maeGlobalPool(int depth) {
    List<Parameter> params = stemAndBlocks(depth);
    params.add(Parameter.zeros("head.weight", 2, 2));
    params.add(Parameter.zeros("head.bias", 2));
    params.add(Parameter.zeros("fc_norm.weight", 2));
    params.add(Parameter.zeros("fc_norm.bias", 2));
    return params;
  }

  private static List<Parameter> stemAndBlocks(int depth) {
    List<Parameter> params = new ArrayList<>();
    params.add(Parameter.zeros("cls_token", 1, 1, 2));
    params.add(Parameter.zeros("pos_embed", 1, 2, 2));
    params.add(Parameter.zeros("patch_embed.proj.weight", 2, 1, 1, 1));
    params.add(Parameter.zeros("patch_embed.proj.bias", 2));
    for (int i = 0; i < depth; i++) {
      params.add(Parameter.zeros("blocks." + i + ".norm1.weight", 2));
      params.add(Parameter.zeros("blocks." + i + ".attn.qkv.weight", 2, 2));
      params.add(Parameter.zeros("blocks." + i + ".attn.qkv.bias", 2));
      params.add(Parameter.zeros("blocks." + i + ".mlp.fc1.weight", 2, 2));
    }
    return params;
  }
}
