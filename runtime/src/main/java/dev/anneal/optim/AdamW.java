package dev.anneal.optim;

import java.util.List;
import java.util.Map;

/** {@code torch.optim.AdamW}: Adam with decoupled weight decay, default {@code weight_decay=1e-2}. */
public final class AdamW extends Adam {
  public static final String TYPE = "AdamW";

  public AdamW(List<ParamGroup> groups, Map<String, ?> overrides) {
    super(Hyper.builtIn(TYPE), groups, overrides, true);
  }
}
