package dev.anneal.djl.loss;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The typed builders' shared part: each loss's {@code Builder} adds one Java-named setter per
 * PyTorch keyword argument; {@code build()} checks them against the loss's descriptor.
 */
public abstract class LossBuilder<B extends LossBuilder<B>> {
  private final Map<String, Object> kwargs = new LinkedHashMap<>();

  protected LossBuilder() {}

  /** PyTorch's {@code reduction}. */
  public final B reduction(Reduction value) {
    return set("reduction", value.pytorchName());
  }

  /** Sets a keyword argument under its PyTorch name. */
  protected final B set(String pytorchName, Object value) {
    kwargs.put(pytorchName, value);
    @SuppressWarnings("unchecked")
    B self = (B) this;
    return self;
  }

  protected final Map<String, Object> kwargs() {
    return kwargs;
  }

  public abstract TorchLoss build();
}
