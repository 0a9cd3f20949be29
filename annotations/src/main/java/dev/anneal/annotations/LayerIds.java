package dev.anneal.annotations;

/** How {@link LayerDecay} reads each parameter's layer from its name (the runtime's {@code LayerIndex}). */
public enum LayerIds {
  /** {@link LayerDecay#layerPattern()}, or the first number between dots; names without one get the largest layer. */
  PATTERN,
  /**
   * timm's {@code VisionTransformer.group_matcher}: {@code cls_token}, {@code reg_token}, {@code pos_embed},
   * {@code patch_embed*} are layer 0, {@code blocks.<i>} layer {@code i + 1}, {@code norm*} the last
   * block's layer, everything else (the head) one layer above.
   */
  VIT_TIMM,
  /**
   * BEiT's and MAE's {@code get_layer_id_for_vit}: {@code cls_token}, {@code pos_embed},
   * {@code patch_embed*} are layer 0, {@code blocks.<i>} layer {@code i + 1}, everything else
   * (head, {@code fc_norm}, {@code norm}) layer {@code len(blocks) + 1}.
   */
  VIT_BEIT
}
