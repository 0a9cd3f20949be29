package dev.anneal.djl.loss;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The typed builders' shared part: each loss's {@code Builder} adds one Java-named setter per
 * PyTorch keyword argument and names the loss's constructor; {@link #build()} hands the arguments
 * to it, which checks them against the loss's descriptor.
 *
 * @param <B> the builder itself, so that the setters chain
 * @param <L> the loss it builds
 */
public abstract class LossBuilder<B extends LossBuilder<B, L>, L extends TorchLoss> {
  private final Map<String, Object> kwargs = new LinkedHashMap<>();
  private final Function<Map<String, ?>, L> constructor;

  /** {@code constructor}: the loss's constructor from keyword arguments under PyTorch's names. */
  protected LossBuilder(Function<Map<String, ?>, L> constructor) {
    this.constructor = constructor;
  }

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

  /** {@return the arguments set so far, under PyTorch's names} */
  protected final Map<String, Object> kwargs() {
    return new LinkedHashMap<>(kwargs);
  }

  /** {@return the loss with the arguments set (the rest default); a bad one is refused with a {@link LossInputException}} */
  public L build() {
    return constructor.apply(kwargs());
  }

  /** The builder of a loss whose only argument is {@code reduction} ({@code L1Loss.builder().reduction(Reduction.SUM)}). */
  public static final class ReductionOnly<L extends TorchLoss> extends LossBuilder<ReductionOnly<L>, L> {
    public ReductionOnly(Function<Map<String, ?>, L> constructor) {
      super(constructor);
    }
  }
}
