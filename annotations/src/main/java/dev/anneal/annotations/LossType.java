package dev.anneal.annotations;

/**
 * The 21 losses of {@code torch.nn}, each named by its PyTorch class name ({@link #pytorchName()}),
 * which is also the class in {@code dev.anneal.djl.loss} that implements it; {@link #CUSTOM} for one
 * registered by name ({@link Loss#custom()}).
 */
public enum LossType {
  L1("L1Loss"),
  MSE("MSELoss"),
  CROSS_ENTROPY("CrossEntropyLoss"),
  CTC("CTCLoss"),
  NLL("NLLLoss"),
  POISSON_NLL("PoissonNLLLoss"),
  GAUSSIAN_NLL("GaussianNLLLoss"),
  KL_DIV("KLDivLoss"),
  BCE("BCELoss"),
  BCE_WITH_LOGITS("BCEWithLogitsLoss"),
  MARGIN_RANKING("MarginRankingLoss"),
  HINGE_EMBEDDING("HingeEmbeddingLoss"),
  MULTI_LABEL_MARGIN("MultiLabelMarginLoss"),
  HUBER("HuberLoss"),
  SMOOTH_L1("SmoothL1Loss"),
  SOFT_MARGIN("SoftMarginLoss"),
  MULTI_LABEL_SOFT_MARGIN("MultiLabelSoftMarginLoss"),
  COSINE_EMBEDDING("CosineEmbeddingLoss"),
  MULTI_MARGIN("MultiMarginLoss"),
  TRIPLET_MARGIN("TripletMarginLoss"),
  TRIPLET_MARGIN_WITH_DISTANCE("TripletMarginWithDistanceLoss"),
  /** A loss registered with its descriptor, named by {@link Loss#custom()}. */
  CUSTOM("");

  private final String pytorchName;

  LossType(String pytorchName) {
    this.pytorchName = pytorchName;
  }

  /** PyTorch's class name, as {@code Losses.create} and the loss descriptors know it. */
  public String pytorchName() {
    return pytorchName;
  }
}
