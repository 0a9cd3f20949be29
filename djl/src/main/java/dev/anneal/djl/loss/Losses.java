package dev.anneal.djl.loss;

import dev.anneal.spec.Registry;
import dev.anneal.spec.SpecSource;
import dev.anneal.vocabulary.Descriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds any of the 21 losses, or one registered by a {@link LossProvider}, from its PyTorch class
 * name and keyword arguments, the form a pasted config, a JSON spec, a conformance fixture and the
 * generated training code use: {@code Losses.create("CrossEntropyLoss", Map.of("label_smoothing", 0.1))}.
 */
public final class Losses {
  private static final Map<String, Function<Map<String, ?>, TorchLoss>> BUILT_IN = new LinkedHashMap<>();

  static {
    BUILT_IN.put(L1Loss.NAME, L1Loss::new);
    BUILT_IN.put(MSELoss.NAME, MSELoss::new);
    BUILT_IN.put(CrossEntropyLoss.NAME, CrossEntropyLoss::new);
    BUILT_IN.put(CTCLoss.NAME, CTCLoss::new);
    BUILT_IN.put(NLLLoss.NAME, NLLLoss::new);
    BUILT_IN.put(PoissonNLLLoss.NAME, PoissonNLLLoss::new);
    BUILT_IN.put(GaussianNLLLoss.NAME, GaussianNLLLoss::new);
    BUILT_IN.put(KLDivLoss.NAME, KLDivLoss::new);
    BUILT_IN.put(BCELoss.NAME, BCELoss::new);
    BUILT_IN.put(BCEWithLogitsLoss.NAME, BCEWithLogitsLoss::new);
    BUILT_IN.put(MarginRankingLoss.NAME, MarginRankingLoss::new);
    BUILT_IN.put(HingeEmbeddingLoss.NAME, HingeEmbeddingLoss::new);
    BUILT_IN.put(MultiLabelMarginLoss.NAME, MultiLabelMarginLoss::new);
    BUILT_IN.put(HuberLoss.NAME, HuberLoss::new);
    BUILT_IN.put(SmoothL1Loss.NAME, SmoothL1Loss::new);
    BUILT_IN.put(SoftMarginLoss.NAME, SoftMarginLoss::new);
    BUILT_IN.put(MultiLabelSoftMarginLoss.NAME, MultiLabelSoftMarginLoss::new);
    BUILT_IN.put(CosineEmbeddingLoss.NAME, CosineEmbeddingLoss::new);
    BUILT_IN.put(MultiMarginLoss.NAME, MultiMarginLoss::new);
    BUILT_IN.put(TripletMarginLoss.NAME, TripletMarginLoss::new);
    BUILT_IN.put(TripletMarginWithDistanceLoss.NAME, TripletMarginWithDistanceLoss::new);
  }

  private Losses() {}

  /**
   * The loss PyTorch (or its {@link LossProvider}) calls {@code name}, with these keyword arguments
   * (PyTorch names; the rest default). An unknown name is refused with the closest known ones, a
   * bad argument with the descriptor's verdict, both as a {@link LossInputException}.
   */
  public static TorchLoss create(String name, Map<String, ?> kwargs) {
    Function<Map<String, ?>, TorchLoss> builtIn = BUILT_IN.get(name);
    if (builtIn != null) {
      return builtIn.apply(kwargs);
    }
    Descriptor descriptor = LossKwargs.descriptor(name);
    LossProvider provider = Registry.provider(descriptor, LossProvider.class);
    if (provider == null) {
      throw new LossInputException(name, "type", "has a descriptor but no implementation: register a "
          + LossProvider.class.getName() + " for it");
    }
    LossKwargs.resolve(name, kwargs); // the provider's code sees only arguments its descriptor accepts
    return provider.create(kwargs);
  }

  /** From a spec, typed or read from JSON ({@code Spec.fromMap}): {@code Spec.of("HuberLoss").with("delta", 0.5)}. */
  public static TorchLoss create(SpecSource spec) {
    var s = spec.toSpec();
    return create(s.type(), s.kwargs());
  }

  /** {@return PyTorch's class names of the 21 built-in losses, in the order of the {@code torch.nn} docs' list} */
  public static List<String> names() {
    return List.copyOf(BUILT_IN.keySet());
  }
}
