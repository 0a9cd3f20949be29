package dev.anneal.djl.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import dev.anneal.djl.EngineTest;
import org.junit.jupiter.api.Test;

class ZeroOneLossTest extends EngineTest {
  @Test
  void theShareOfMisclassifiedSamples() {
    NDArray scores = manager.create(new float[][] {{2, 1, 0}, {0, 3, 1}, {0, 1, 5}, {4, 0, 0}});
    NDArray labels = manager.create(new long[] {0, 2, 2, 1});
    assertEquals(0.5f, new ZeroOneLoss().evaluate(new NDList(labels), new NDList(scores)).getFloat());
    NDArray floatLabels = manager.create(new float[][] {{0}, {1}, {2}, {0}});
    assertEquals(0f, new ZeroOneLoss().evaluate(new NDList(floatLabels), new NDList(scores)).getFloat(), "DJL's (N, 1) float labels");
  }

  @Test
  void spatialScoresCountEveryPosition() {
    NDArray scores = manager.create(new float[] {1, 0, 0, 1, 0, 1, 1, 0}, new ai.djl.ndarray.types.Shape(1, 2, 4));
    NDArray labels = manager.create(new long[] {0, 1, 0, 0}, new ai.djl.ndarray.types.Shape(1, 4));
    // predicted classes per position: 0, 1, 1, 0; one of four is wrong
    assertEquals(0.25f, new ZeroOneLoss().evaluate(new NDList(labels), new NDList(scores)).getFloat());
  }

  @Test
  void accumulatesOverBatches() {
    ZeroOneLoss metric = new ZeroOneLoss();
    metric.addAccumulator("validate");
    assertTrue(Float.isNaN(metric.getAccumulator("validate")));
    metric.updateAccumulator("validate", new NDList(manager.create(new long[] {0, 1})), new NDList(manager.create(new float[][] {{1, 0}, {1, 0}})));
    metric.updateAccumulator("validate", new NDList(manager.create(new long[] {1})), new NDList(manager.create(new float[][] {{0, 1}})));
    assertEquals(1f / 3, metric.getAccumulator("validate"), 1e-7);
    metric.resetAccumulator("validate");
    assertTrue(Float.isNaN(metric.getAccumulator("validate")));
  }

  /** Why it is a metric and not a loss: no gradient reaches the scores. */
  @Test
  void isNotATrainingLoss() {
    assertFalse(Loss.class.isAssignableFrom(ZeroOneLoss.class));
    NDArray scores = manager.create(new float[][] {{2, 1}, {0, 3}});
    scores.setRequiresGradient(true);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray value = new ZeroOneLoss().evaluate(new NDList(manager.create(new long[] {1, 1})), new NDList(scores));
      assertEquals(0.5f, value.getFloat());
      assertFalse(value.hasGradient(), "argmax cuts the graph: nothing to differentiate");
    }
  }

  @Test
  void mismatchedLabelsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ZeroOneLoss().evaluate(new NDList(manager.create(new long[] {1, 1, 1})),
        new NDList(manager.create(new float[][] {{2, 1}, {0, 3}}))));
  }
}
