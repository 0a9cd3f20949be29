package dev.anneal.djl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import dev.anneal.djl.EngineTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the README's Losses section says of DJL 0.35.1's own losses, checked on the engine against
 * Anneal's (whose numbers are PyTorch's, by the conformance fixtures): where they agree, where they
 * differ, and by how much.
 */
class DjlLossesTest extends EngineTest {
  private static float djl(Loss loss, NDArray prediction, NDArray label) {
    return loss.evaluate(new NDList(label), new NDList(prediction)).getFloat();
  }

  private NDArray prediction() {
    return manager.create(new float[] {0.3f, -1.2f, 2f, 0.7f, -0.1f, 1.5f}, new Shape(2, 3));
  }

  private NDArray target() {
    return manager.create(new float[] {1f, 0.5f, -1f, 0f, 2f, 1f}, new Shape(2, 3));
  }

  @Test
  void l2LossIsHalfOfMseLoss() {
    float mse = new MSELoss().forward(prediction(), target()).getFloat();
    assertEquals(mse / 2, djl(Loss.l2Loss(), prediction(), target()), 1e-6f);
  }

  @Test
  void l1LossAgrees() {
    assertEquals(new L1Loss().forward(prediction(), target()).getFloat(), djl(Loss.l1Loss(), prediction(), target()), 1e-6f);
  }

  @Test
  void softmaxCrossEntropyAgreesOnlyWithoutCrossEntropysOptions() {
    NDArray classes = manager.create(new long[] {2, 0});
    float djl = djl(Loss.softmaxCrossEntropyLoss(), prediction(), classes);
    assertEquals(new CrossEntropyLoss().forward(prediction(), classes).getFloat(), djl, 1e-6f);
    // DJL has no class weights, ignore_index or label smoothing; each changes PyTorch's number
    assertNotEquals(djl, CrossEntropyLoss.builder().labelSmoothing(0.1).build().forward(prediction(), classes).getFloat(), 1e-4f);
    assertNotEquals(djl, CrossEntropyLoss.builder().weight(1, 1, 3).build().forward(prediction(), classes).getFloat(), 1e-4f);
    assertNotEquals(djl, CrossEntropyLoss.builder().ignoreIndex(0).build().forward(prediction(), classes).getFloat(), 1e-4f);
  }

  @Test
  void softmaxCrossEntropysClassAxisIsTheLastWherePyTorchsIsTheSecond() {
    NDArray logits = manager.randomNormal(new Shape(2, 3, 4));              // (N, C, d1) as PyTorch lays it out
    NDArray classes = manager.create(new long[] {0, 2, 1, 1, 2, 0, 0, 1}, new Shape(2, 4));
    float pytorch = new CrossEntropyLoss().forward(logits, classes).getFloat();
    // DJL reads the classes from the last axis: it agrees once they are moved there (the labels with a trailing 1)
    assertEquals(pytorch, djl(Loss.softmaxCrossEntropyLoss(), logits.transpose(0, 2, 1), classes.expandDims(2)), 1e-5f);
  }

  @Test
  void sigmoidBinaryCrossEntropyIsBceWithLogitsOnLogits() {
    NDArray labels = manager.create(new float[] {1, 0, 1, 0, 0, 1}, new Shape(2, 3));
    assertEquals(new BCEWithLogitsLoss().forward(prediction(), labels).getFloat(),
        djl(Loss.sigmoidBinaryCrossEntropyLoss(), prediction(), labels), 1e-6f);
  }

  @Test
  void onProbabilitiesDjlReturnsTheLogLikelihoodNotItsNegative() {
    NDArray probabilities = manager.create(new float[] {0.8f, 0.3f, 0.6f});
    NDArray labels = manager.create(new float[] {1, 0, 0});
    Loss fromSigmoid = Loss.sigmoidBinaryCrossEntropyLoss("bce", 1, true);
    assertEquals(-new BCELoss().forward(probabilities, labels).getFloat(), djl(fromSigmoid, probabilities, labels), 1e-6f);
    // and a certain mistake is log(1e-12) = -27.6 there, 100 in PyTorch's BCELoss (its log clamped at -100)
    NDArray certain = manager.create(new float[] {0f});
    NDArray one = manager.create(new float[] {1f});
    assertEquals(100f, new BCELoss().forward(certain, one).getFloat(), 1e-4f);
    assertEquals((float) Math.log(1e-12), djl(fromSigmoid, certain, one), 1e-3f);
  }

  @Test
  void hingeLossIsMarginRankingAgainstZeroNotHingeEmbedding() {
    NDArray scores = manager.create(new float[] {0.3f, -1.2f, 2f, 0.7f});
    NDArray signs = manager.create(new float[] {1, -1, -1, 1});
    float djl = djl(Loss.hingeLoss(), scores, signs);
    MarginRankingLoss ranking = new MarginRankingLoss(Map.of("margin", 1.0));
    assertEquals(ranking.forward(scores, scores.zerosLike(), signs).getFloat(), djl, 1e-6f);
    assertNotEquals(djl, new HingeEmbeddingLoss().forward(scores, signs).getFloat(), 1e-4f);
  }

  @Test
  void djlReshapesTheLabelWherePyTorchRefusesTheShape() {
    NDArray flat = manager.create(new float[] {1, 2, 3, 4});
    NDArray square = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
    assertEquals(0f, djl(Loss.l2Loss(), square, flat), 0f);
    assertThrows(LossInputException.class, () -> new MSELoss().forward(square, flat));
  }
}
