package dev.anneal.vocabulary.builtin;

import static dev.anneal.vocabulary.Argument.choice;
import static dev.anneal.vocabulary.Argument.flag;
import static dev.anneal.vocabulary.Argument.integer;
import static dev.anneal.vocabulary.Argument.number;
import static dev.anneal.vocabulary.Argument.tensor;

import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * The 21 losses of {@code torch.nn} (PyTorch 2.x's constructor signatures and checks), in the
 * order of PyTorch's docs. The tensors ({@code weight}, {@code pos_weight}) default to None;
 * {@code TripletMarginWithDistanceLoss}'s {@code distance_function} is a callable in PyTorch and a
 * name here ({@code pairwise_distance}, PyTorch's default for None, or {@code cosine}).
 */
final class LossDescriptors {
  private LossDescriptors() {}

  private static Argument reduction() {
    return choice("reduction", "mean", "sum", "none").doc("how the per-element losses are reduced");
  }

  private static Argument weight() {
    return tensor("weight").doc("a rescaling weight per class");
  }

  private static Argument ignoreIndex() {
    return integer("ignore_index", -100).doc("a target value that is ignored (adds nothing, counts for nothing in the mean)");
  }

  private static Argument margin(double value) {
    return number("margin", value).doc("the margin");
  }

  private static Descriptor.Builder torch(String name, String summary) {
    return Descriptor.loss(name).origin("torch.nn." + name).summary(summary);
  }

  static List<Descriptor> all() {
    List<Descriptor> all = new ArrayList<>();
    all.add(torch("L1Loss", "mean absolute error").arg(reduction()).build());
    all.add(torch("MSELoss", "mean squared error").arg(reduction()).build());
    all.add(torch("CrossEntropyLoss", "log-softmax and negative log-likelihood, with class weights, ignore_index and label smoothing")
        .arg(weight()).arg(ignoreIndex()).arg(reduction())
        .arg(number("label_smoothing", 0.0).range(Range.closed(0, 1)).doc("the share of the target spread evenly over the classes"))
        .build());
    all.add(torch("CTCLoss", "connectionist temporal classification")
        .arg(integer("blank", 0).range(Range.atLeast(0)).doc("the blank label's class index")).arg(reduction())
        .arg(flag("zero_infinity", false).doc("infinite losses (impossible alignments) and their gradients become 0")).build());
    all.add(torch("NLLLoss", "negative log-likelihood of log-probabilities").arg(weight()).arg(ignoreIndex()).arg(reduction()).build());
    all.add(torch("PoissonNLLLoss", "negative log-likelihood of a Poisson target")
        .arg(flag("log_input", true).doc("the input is the log of the rate"))
        .arg(flag("full", false).doc("add the Stirling approximation term"))
        .arg(number("eps", 1e-8).range(Range.atLeast(0)).doc("added inside the log when log_input is false")).arg(reduction()).build());
    all.add(torch("GaussianNLLLoss", "negative log-likelihood of a Gaussian target with predicted variance")
        .arg(flag("full", false).doc("add the constant 0.5 log(2 pi)"))
        .arg(number("eps", 1e-6).range(Range.atLeast(0)).doc("the least variance (forward pass only)")).arg(reduction()).build());
    all.add(torch("KLDivLoss", "Kullback-Leibler divergence from log-probabilities")
        .arg(choice("reduction", "mean", "batchmean", "sum", "none").doc("how the per-element losses are reduced; batchmean is the KL divergence"))
        .arg(flag("log_target", false).doc("the target holds log-probabilities")).build());
    all.add(torch("BCELoss", "binary cross entropy of probabilities").arg(weight()).arg(reduction()).build());
    all.add(torch("BCEWithLogitsLoss", "sigmoid and binary cross entropy in one, stable for any logit")
        .arg(weight()).arg(reduction()).arg(tensor("pos_weight").doc("the weight of positive examples, per class")).build());
    all.add(torch("MarginRankingLoss", "hinge on the ranking of two inputs").arg(margin(0.0)).arg(reduction()).build());
    all.add(torch("HingeEmbeddingLoss", "hinge on a distance for similar (1) and dissimilar (-1) pairs").arg(margin(1.0)).arg(reduction())
        .build());
    all.add(torch("MultiLabelMarginLoss", "multi-class multi-label hinge").arg(reduction()).build());
    all.add(torch("HuberLoss", "squared error near 0, absolute error beyond delta").arg(reduction())
        .arg(number("delta", 1.0).range(Range.above(0)).doc("where the loss turns from quadratic to linear")).build());
    all.add(torch("SmoothL1Loss", "squared error near 0, absolute error beyond beta").arg(reduction())
        .arg(number("beta", 1.0).range(Range.atLeast(0)).doc("where the loss turns from quadratic to linear")).build());
    all.add(torch("SoftMarginLoss", "logistic loss of a two-class target").arg(reduction()).build());
    all.add(torch("MultiLabelSoftMarginLoss", "multi-label one-versus-all logistic loss").arg(weight()).arg(reduction()).build());
    all.add(torch("CosineEmbeddingLoss", "cosine similarity for similar (1) and dissimilar (-1) pairs").arg(margin(0.0)).arg(reduction())
        .build());
    all.add(torch("MultiMarginLoss", "multi-class hinge")
        .arg(integer("p", 1).range(Range.closed(1, 2)).doc("the hinge's power, 1 or 2")).arg(margin(1.0)).arg(weight()).arg(reduction())
        .build());
    all.add(torch("TripletMarginLoss", "triplet loss with a p-norm distance").arg(margin(1.0))
        .arg(number("p", 2.0).doc("the norm's degree")).arg(number("eps", 1e-6).doc("added to the difference before the norm"))
        .arg(flag("swap", false).doc("use the smaller of the anchor's and the positive's distance to the negative")).arg(reduction()).build());
    all.add(torch("TripletMarginWithDistanceLoss", "triplet loss with a distance of one's choice")
        .arg(choice("distance_function", "pairwise_distance", "cosine").doc("the distance, by name"))
        .arg(number("margin", 1.0).range(Range.above(0)).doc("the margin"))
        .arg(flag("swap", false).doc("use the smaller of the anchor's and the positive's distance to the negative")).arg(reduction()).build());
    return all;
  }
}
