package dev.anneal.djl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.anneal.djl.EngineTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Inputs and arguments PyTorch refuses are refused here too, with a {@link LossInputException}
 * naming the argument: mismatched shapes, class indices out of range, probability targets of the
 * wrong shape, negative variances, lengths past the input, wrong dtypes, invalid keyword arguments.
 */
class LossInputTest extends EngineTest {
  private NDArray floats(long... shape) {
    return manager.randomNormal(new Shape(shape));
  }

  private NDArray longs(long[] values, long... shape) {
    return manager.create(values, new Shape(shape));
  }

  private static void refused(String argument, String fragment, Executable call) {
    LossInputException e = assertThrows(LossInputException.class, call);
    assertEquals(argument, e.argument(), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), () -> "\"" + e.getMessage() + "\" should contain \"" + fragment + "\"");
  }

  @Test
  void mismatchedShapes() {
    refused("target", "does not broadcast with input (3,)", () -> new MSELoss().forward(floats(3), floats(2)));
    refused("target", "must have the shape of input (4,)", () -> new BCEWithLogitsLoss().forward(floats(4), floats(4, 1)));
    refused("target", "must have the shape of input", () -> new BCELoss().forward(manager.zeros(new Shape(4)), manager.zeros(new Shape(2, 2))));
    refused("target", "must have shape (2,)", () -> new NLLLoss().forward(floats(2, 3), longs(new long[] {0, 1, 2}, 3)));
    refused("target", "must have shape (2, 4)", () -> new CrossEntropyLoss().forward(floats(2, 3, 4), longs(new long[] {0, 1}, 2)));
    refused("target", "same number of dimensions", () -> new MarginRankingLoss().forward(floats(3), floats(3), floats(3, 1)));
    refused("positive", "same number of dimensions", () -> new TripletMarginLoss().forward(floats(2, 3), floats(3), floats(2, 3)));
    refused("var", "must have the input's shape (4, 3)", () -> new GaussianNLLLoss().forward(floats(4, 3), floats(4, 3), floats(3)));
    refused("input1", "a 1-D target needs 2-D inputs", () -> new CosineEmbeddingLoss().forward(floats(3), floats(3), floats(3)));
  }

  @Test
  void classIndicesOutOfRange() {
    refused("target", "class index 5 is out of range for 5 classes",
        () -> new CrossEntropyLoss().forward(floats(2, 5), longs(new long[] {1, 5}, 2)));
    refused("target", "class index -3 is out of range",
        () -> new NLLLoss().forward(floats(2, 5), longs(new long[] {-3, 0}, 2)));
    refused("target", "class index 4 is out of range for 4 classes",
        () -> new MultiMarginLoss().forward(floats(2, 4), longs(new long[] {4, 0}, 2)));
    refused("target", "class index 7 is out of range for 3 classes",
        () -> new MultiLabelMarginLoss().forward(floats(1, 3), longs(new long[] {0, 7, -1}, 1, 3)));
    refused("targets", "class index 9 is out of range for 5 classes", () -> new CTCLoss().forward(floats(4, 1, 5),
        longs(new long[] {1, 9}, 1, 2), longs(new long[] {4}, 1), longs(new long[] {2}, 1)));
  }

  @Test
  void ignoredTargetsAreNotOutOfRange() {
    NDArray loss = new CrossEntropyLoss(Map.of("ignore_index", 7)).forward(floats(2, 5), longs(new long[] {7, 2}, 2));
    assertTrue(Float.isFinite(loss.getFloat()));
  }

  @Test
  void probabilityTargetsOfTheWrongShape() {
    refused("target", "class probabilities (a floating-point target) must have the input's shape (4, 10), was (4,)",
        () -> new CrossEntropyLoss().forward(floats(4, 10), manager.zeros(new Shape(4))));
    refused("target", "must have the input's shape (4, 10), was (4, 9)",
        () -> new CrossEntropyLoss().forward(floats(4, 10), manager.zeros(new Shape(4, 9))));
  }

  @Test
  void negativeVariance() {
    refused("var", "has negative entries", () -> new GaussianNLLLoss().forward(floats(3), floats(3), manager.create(new float[] {1, -0.5f, 2})));
  }

  @Test
  void lengthsPastTheInput() {
    NDArray logProbs = floats(4, 2, 5).logSoftmax(2);
    NDArray targets = longs(new long[] {1, 2, 3, 1, 2, 3}, 2, 3);
    refused("input_lengths", "length 6 exceeds the 4 time steps of log_probs",
        () -> new CTCLoss().forward(logProbs, targets, longs(new long[] {6, 4}, 2), longs(new long[] {2, 2}, 2)));
    refused("target_lengths", "length 5 exceeds the 3 columns of targets",
        () -> new CTCLoss().forward(logProbs, targets, longs(new long[] {4, 4}, 2), longs(new long[] {5, 2}, 2)));
    refused("target_lengths", "sum to 7, more than the 6 targets given",
        () -> new CTCLoss().forward(logProbs, longs(new long[] {1, 2, 3, 1, 2, 3}, 6), longs(new long[] {4, 4}, 2), longs(new long[] {4, 3}, 2)));
    refused("input_lengths", "one length per batch element (2)",
        () -> new CTCLoss().forward(logProbs, targets, longs(new long[] {4}, 1), longs(new long[] {2, 2}, 2)));
  }

  @Test
  void wrongDtypes() {
    refused("target", "must hold class indices as an integer array", () -> new NLLLoss().forward(floats(2, 3), floats(2)));
    refused("input", "must be a floating-point array, was int64",
        () -> new CrossEntropyLoss().forward(longs(new long[] {1, 2}, 1, 2), longs(new long[] {0}, 1)));
    refused("target", "must be a floating-point array, was int64",
        () -> new BCEWithLogitsLoss().forward(floats(2), longs(new long[] {0, 1}, 2)));
    refused("input_lengths", "must be an integer array, was float32",
        () -> new CTCLoss().forward(floats(4, 1, 5), longs(new long[] {1}, 1, 1), manager.create(new float[] {4}), longs(new long[] {1}, 1)));
    refused("input", "must hold probabilities", () -> new BCELoss().forward(manager.create(new float[] {0.5f, 1.5f}), manager.zeros(new Shape(2))));
  }

  /** The weights' shapes as PyTorch checks them (torch 1.13 and 2.x; MultiMarginLoss as 2.x, which refuses a short weight). */
  @Test
  void weightShapes() {
    // broadcast to the input, not beyond: BCELoss, BCEWithLogitsLoss multiply the loss in place
    float[][] perSample = {{1f}, {2f}, {0.5f}, {1f}};
    assertEquals(new Shape(4, 3), BCELoss.builder().weight(perSample).reduction(Reduction.NONE).build()
        .forward(manager.full(new Shape(4, 3), 0.5f), manager.ones(new Shape(4, 3))).getShape());
    assertEquals(new Shape(4, 3), BCEWithLogitsLoss.builder().posWeight(new float[][] {{1f, 2f, 3f}}).reduction(Reduction.NONE).build()
        .forward(floats(4, 3), manager.ones(new Shape(4, 3))).getShape());
    refused("weight", "shape (2, 4, 3) must broadcast to input (4, 3) without growing it",
        () -> new BCELoss(Map.of("weight", java.util.Collections.nCopies(2, java.util.Collections.nCopies(4, java.util.List.of(1, 1, 1)))))
            .forward(manager.full(new Shape(4, 3), 0.5f), manager.ones(new Shape(4, 3))));
    refused("pos_weight", "shape (4,) does not broadcast with input (4, 3)",
        () -> BCEWithLogitsLoss.builder().posWeight(1, 2, 3, 4).build().forward(floats(4, 3), manager.ones(new Shape(4, 3))));
    refused("weight", "shape (3, 1) does not broadcast with input (4, 3)",
        () -> MultiLabelSoftMarginLoss.builder().weight(new float[][] {{1f}, {2f}, {3f}}).build().forward(floats(4, 3), manager.ones(new Shape(4, 3))));
    // class weights: 1-D, one per class
    refused("weight", "must be 1-D with one entry per class (3), was shape (1, 3)",
        () -> new CrossEntropyLoss(Map.of("weight", java.util.List.of(java.util.List.of(1, 2, 3)))).forward(floats(2, 3), longs(new long[] {0, 1}, 2)));
    refused("weight", "must be 1-D with one entry per class (3), was shape (1, 3)",
        () -> new NLLLoss(Map.of("weight", new float[][] {{1, 2, 3}})).forward(floats(2, 3), longs(new long[] {0, 1}, 2)));
    refused("weight", "must hold one entry per class (3), had 4",
        () -> MultiMarginLoss.builder().weight(1, 2, 3, 4).build().forward(floats(2, 3), longs(new long[] {0, 1}, 2)));
    refused("weight", "must be a rectangular array of numbers",
        () -> new BCELoss(Map.of("weight", java.util.List.of(java.util.List.of(1, 2), java.util.List.of(3)))));
  }

  @Test
  void invalidKeywordArguments() {
    refused("label_smoothing", "must be in [0, 1], was 1.5", () -> new CrossEntropyLoss(Map.of("label_smoothing", 1.5)));
    refused("reduction", "must be one of 'mean', 'sum', 'none', was 'avg'", () -> new MSELoss(Map.of("reduction", "avg")));
    refused("reduction", "was 'batchmean'", () -> new L1Loss(Map.of("reduction", "batchmean")));
    refused("weights", "has no argument weights (did you mean weight?)", () -> Losses.create("CrossEntropyLoss", Map.of("weights", new float[] {1})));
    refused("delta", "must be in (0, inf), was 0.0", () -> HuberLoss.builder().delta(0).build());
    refused("margin", "must be in (0, inf)", () -> TripletMarginWithDistanceLoss.builder().margin(-1).build());
    refused("p", "must be in [1, 2], was 3", () -> MultiMarginLoss.builder().p(3).build());
    refused("distance_function", "must be one of 'pairwise_distance', 'cosine'",
        () -> Losses.create("TripletMarginWithDistanceLoss", Map.of("distance_function", "euclid")));
    refused("type", "unknown loss MSELos (did you mean MSELoss", () -> Losses.create("MSELos", Map.of()));
    refused("weight", "one entry per class (5), had 3",
        () -> CrossEntropyLoss.builder().weight(1, 2, 3).build().forward(floats(2, 5), longs(new long[] {0, 1}, 2)));
    refused("blank", "below the 5 classes", () -> CTCLoss.builder().blank(5).build().forward(floats(3, 1, 5),
        longs(new long[] {1}, 1, 1), longs(new long[] {3}, 1), longs(new long[] {1}, 1)));
  }
}
