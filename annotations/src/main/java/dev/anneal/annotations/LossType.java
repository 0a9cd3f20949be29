package dev.anneal.annotations;

/**
 * The 21 losses of {@code torch.nn}, each named by its PyTorch class name ({@link #pytorchName()}),
 * which is also the class in {@code dev.anneal.djl.loss} that implements it; {@link #CUSTOM} for one
 * registered by name ({@link Loss#custom()}).
 */
public enum LossType {
  /** {@code torch.nn.L1Loss}. */
  L1("L1Loss"),
  /** {@code torch.nn.MSELoss}. */
  MSE("MSELoss"),
  /** {@code torch.nn.CrossEntropyLoss}. */
  CROSS_ENTROPY("CrossEntropyLoss"),
  /** {@code torch.nn.CTCLoss}. */
  CTC("CTCLoss"),
  /** {@code torch.nn.NLLLoss}. */
  NLL("NLLLoss"),
  /** {@code torch.nn.PoissonNLLLoss}. */
  POISSON_NLL("PoissonNLLLoss"),
  /** {@code torch.nn.GaussianNLLLoss}. */
  GAUSSIAN_NLL("GaussianNLLLoss"),
  /** {@code torch.nn.KLDivLoss}. */
  KL_DIV("KLDivLoss"),
  /** {@code torch.nn.BCELoss}. */
  BCE("BCELoss"),
  /** {@code torch.nn.BCEWithLogitsLoss}. */
  BCE_WITH_LOGITS("BCEWithLogitsLoss"),
  /** {@code torch.nn.MarginRankingLoss}. */
  MARGIN_RANKING("MarginRankingLoss"),
  /** {@code torch.nn.HingeEmbeddingLoss}. */
  HINGE_EMBEDDING("HingeEmbeddingLoss"),
  /** {@code torch.nn.MultiLabelMarginLoss}. */
  MULTI_LABEL_MARGIN("MultiLabelMarginLoss"),
  /** {@code torch.nn.HuberLoss}. */
  HUBER("HuberLoss"),
  /** {@code torch.nn.SmoothL1Loss}. */
  SMOOTH_L1("SmoothL1Loss"),
  /** {@code torch.nn.SoftMarginLoss}. */
  SOFT_MARGIN("SoftMarginLoss"),
  /** {@code torch.nn.MultiLabelSoftMarginLoss}. */
  MULTI_LABEL_SOFT_MARGIN("MultiLabelSoftMarginLoss"),
  /** {@code torch.nn.CosineEmbeddingLoss}. */
  COSINE_EMBEDDING("CosineEmbeddingLoss"),
  /** {@code torch.nn.MultiMarginLoss}. */
  MULTI_MARGIN("MultiMarginLoss"),
  /** {@code torch.nn.TripletMarginLoss}. */
  TRIPLET_MARGIN("TripletMarginLoss"),
  /** {@code torch.nn.TripletMarginWithDistanceLoss}. */
  TRIPLET_MARGIN_WITH_DISTANCE("TripletMarginWithDistanceLoss"),
  /** A loss registered with its descriptor, named by {@link Loss#custom()}. */
  CUSTOM("");

  private final String pytorchName;

  LossType(String pytorchName) {
    this.pytorchName = pytorchName;
  }

  /** {@return PyTorch's class name, as {@code Losses.create} and the loss descriptors know it} */
  public String pytorchName() {
    return pytorchName;
  }
}
