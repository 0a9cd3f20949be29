package dev.anneal.optim;

import java.util.List;
import java.util.Map;

/** {@code torch.optim.AdamW}: Adam with decoupled weight decay, default {@code weight_decay=1e-2}. */
public final class AdamW extends Adam {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "AdamW";

  /**
   * The optimizer over {@code groups}.
   *
   * @param groups the parameter groups, each with the hyperparameters it sets itself
   * @param overrides hyperparameters for every group that does not set them, under PyTorch's names;
   *     the rest take PyTorch's defaults
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of its range (a
   *     {@code DescriptorException} naming every problem) or a parameter is in two groups
   */
  public AdamW(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), groups, overrides, true);
  }
}
