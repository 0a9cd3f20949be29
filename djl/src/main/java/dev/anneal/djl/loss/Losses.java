package dev.anneal.djl.loss;

import dev.anneal.spec.Spec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds any of the 21 losses from its PyTorch class name and keyword arguments, the form a
 * pasted config, a JSON spec, a conformance fixture and the generated training code use:
 * {@code Losses.create("CrossEntropyLoss", Map.of("label_smoothing", 0.1))}.
 */
public final class Losses {
  private static final Map<String, Function<LossKwargs, TorchLoss>> CONSTRUCTORS = new LinkedHashMap<>();

  static {
    CONSTRUCTORS.put(L1Loss.NAME, L1Loss::new);
    CONSTRUCTORS.put(MSELoss.NAME, MSELoss::new);
    CONSTRUCTORS.put(CrossEntropyLoss.NAME, CrossEntropyLoss::new);
    CONSTRUCTORS.put(CTCLoss.NAME, CTCLoss::new);
    CONSTRUCTORS.put(NLLLoss.NAME, NLLLoss::new);
    CONSTRUCTORS.put(PoissonNLLLoss.NAME, PoissonNLLLoss::new);
    CONSTRUCTORS.put(GaussianNLLLoss.NAME, GaussianNLLLoss::new);
    CONSTRUCTORS.put(KLDivLoss.NAME, KLDivLoss::new);
    CONSTRUCTORS.put(BCELoss.NAME, BCELoss::new);
    CONSTRUCTORS.put(BCEWithLogitsLoss.NAME, BCEWithLogitsLoss::new);
    CONSTRUCTORS.put(MarginRankingLoss.NAME, MarginRankingLoss::new);
    CONSTRUCTORS.put(HingeEmbeddingLoss.NAME, HingeEmbeddingLoss::new);
    CONSTRUCTORS.put(MultiLabelMarginLoss.NAME, MultiLabelMarginLoss::new);
    CONSTRUCTORS.put(HuberLoss.NAME, HuberLoss::new);
    CONSTRUCTORS.put(SmoothL1Loss.NAME, SmoothL1Loss::new);
    CONSTRUCTORS.put(SoftMarginLoss.NAME, SoftMarginLoss::new);
    CONSTRUCTORS.put(MultiLabelSoftMarginLoss.NAME, MultiLabelSoftMarginLoss::new);
    CONSTRUCTORS.put(CosineEmbeddingLoss.NAME, CosineEmbeddingLoss::new);
    CONSTRUCTORS.put(MultiMarginLoss.NAME, MultiMarginLoss::new);
    CONSTRUCTORS.put(TripletMarginLoss.NAME, TripletMarginLoss::new);
    CONSTRUCTORS.put(TripletMarginWithDistanceLoss.NAME, k -> new TripletMarginWithDistanceLoss(k, null));
  }

  private Losses() {}

  /** The loss PyTorch calls {@code name}, with these keyword arguments (PyTorch names; the rest default). */
  public static TorchLoss create(String name, Map<String, ?> kwargs) {
    LossKwargs resolved = LossKwargs.resolve(name, kwargs);
    return CONSTRUCTORS.get(name).apply(resolved);
  }

  /** From a spec: {@code Spec.of("HuberLoss").with("delta", 0.5)}. */
  public static TorchLoss create(Spec spec) {
    return create(spec.type(), spec.kwargs());
  }

  /** PyTorch's class names of the losses, in the order of the {@code torch.nn} docs' list. */
  public static List<String> names() {
    return List.copyOf(CONSTRUCTORS.keySet());
  }
}
