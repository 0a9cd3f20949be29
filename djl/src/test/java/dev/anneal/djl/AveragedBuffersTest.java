package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import dev.anneal.swa.AveragedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An EMA that averages a DJL model's BatchNorm statistics as timm's does ({@code buffers(model.buffers(), true)}):
 * the statistics the engine moved in place are the ones averaged, and the average is written back
 * where the next forward pass reads it, on views and on heap copies alike.
 */
class AveragedBuffersTest extends EngineTest {

  @ParameterizedTest(name = "copies: {0}")
  @ValueSource(booleans = {false, true})
  void theEngineUpdatedStatisticsAreAveragedAndWrittenBack(boolean copies) {
    BatchNorm bn = BatchNorm.builder().build();
    SequentialBlock block = new SequentialBlock().add(Linear.builder().setUnits(2).build()).add(bn);
    block.initialize(manager, DataType.FLOAT32, new Shape(4, 3));
    BlockParameters model = copies ? BlockParameters.copying("m", block) : BlockParameters.of("m", block);
    AveragedModel ema = AveragedModel.ema(model, 0.5).buffers(model.buffers(), true);

    float[] mean1 = trainingPass(block, bn, 1f);
    ema.update();                                   // the first update copies
    float[] mean2 = trainingPass(block, bn, -3f);
    ema.update();                                   // lerp(avg, current, 0.5)

    float[] expected = {(mean1[0] + mean2[0]) / 2, (mean1[1] + mean2[1]) / 2};
    assertArrayEquals(expected, ema.averaged("m.1.runningMean"), 1e-6f);
    AveragedModel.Applied applied = ema.apply();
    assertArrayEquals(expected, runningMean(bn), 1e-6f);      // the engine reads the average
    applied.close();
    assertArrayEquals(mean2, runningMean(bn), 0f);              // and the trained statistics again after close
  }

  /** One training-mode forward pass (BatchNorm moves its statistics in the engine); returns the running mean after it. */
  private float[] trainingPass(SequentialBlock block, BatchNorm bn, float offset) {
    try (NDManager scope = manager.newSubManager()) {
      NDList input = new NDList(scope.arange(12f).reshape(4, 3).add(offset));
      block.forward(new ParameterStore(scope, false), input, true);
    }
    return runningMean(bn);
  }

  private static float[] runningMean(BatchNorm bn) {
    return bn.getParameters().get("runningMean").getArray().toFloatArray();
  }
}
