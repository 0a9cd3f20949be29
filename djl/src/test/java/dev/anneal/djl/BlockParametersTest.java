package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.Sgd;
import dev.anneal.param.DirectStorage;
import dev.anneal.param.Parameter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockParametersTest extends EngineTest {
  /** A block with named children, as a user's model class would be. */
  static final class TwoLayer extends AbstractBlock {
    final Block hidden;
    final Block out;

    TwoLayer() {
      hidden = addChildBlock("hidden", new SequentialBlock()
          .add(Linear.builder().setUnits(4).build())
          .add(BatchNorm.builder().build())
          .add(Activation::relu));
      out = addChildBlock("out", Linear.builder().setUnits(2).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
      return out.forward(store, hidden.forward(store, inputs, training), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
      return out.getOutputShapes(hidden.getOutputShapes(inputShapes));
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType dataType, Shape... inputShapes) {
      hidden.initialize(m, dataType, inputShapes);
      out.initialize(m, dataType, hidden.getOutputShapes(inputShapes));
    }
  }

  private Linear linear(int units, int inputs) {
    Linear linear = Linear.builder().setUnits(units).build();
    linear.setInitializer(new ConstantInitializer(0.5f), ai.djl.nn.Parameter.Type.WEIGHT);
    linear.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
    return linear;
  }

  @Test
  void namesFollowTheBlockTreeAndLeaveOutRunningStatistics() {
    TwoLayer model = new TwoLayer();
    model.initialize(manager, DataType.FLOAT32, new Shape(2, 3));
    List<String> names = BlockParameters.of("model", model).parameters().stream().map(Parameter::name).toList();
    assertEquals(List.of("model.hidden.0.weight", "model.hidden.0.bias", "model.hidden.1.gamma", "model.hidden.1.beta",
        "model.out.weight", "model.out.bias"), names);
    assertArrayEquals(new int[] {4, 3}, BlockParameters.of("model", model).get("model.hidden.0.weight").shape());
  }

  @Test
  void runningStatisticsAreBuffersUnderTheSamePaths() {
    TwoLayer model = new TwoLayer();
    model.initialize(manager, DataType.FLOAT32, new Shape(2, 3));
    BlockParameters params = BlockParameters.of("model", model);
    assertEquals(List.of("model.hidden.1.runningMean", "model.hidden.1.runningVar"),
        params.buffers().stream().map(dev.anneal.param.Buffer::name).toList());
    assertTrue(params.zeroCopy(), "running statistics on PyTorch CPU tensors should be viewed too");
    assertArrayEquals(new int[] {4}, params.buffers().get(0).shape());
  }

  @Test
  void aTrainingForwardMovesTheBufferViewsInPlace() {
    TwoLayer model = new TwoLayer();
    model.initialize(manager, DataType.FLOAT32, new Shape(2, 3));
    for (boolean copying : new boolean[] {false, true}) {
      BlockParameters params = copying ? BlockParameters.copying("model", model) : BlockParameters.of("model", model);
      dev.anneal.param.Buffer mean = params.buffers().get(0);
      float[] before = mean.values().toArray();
      backwardSum(model, manager, new float[][] {{1, 2, 3}, {4, 5, -6}});
      mean.pull();
      float[] after = mean.values().toArray();
      assertFalse(java.util.Arrays.equals(before, after), "BatchNorm's running mean should move in a training forward");
      NDArray engine = model.hidden.getChildren().valueAt(1).getParameters().get("runningMean").getArray();
      assertArrayEquals(engine.toFloatArray(), after);

      mean.values().copyFrom(new float[] {1, 2, 3, 4});   // as a checkpoint load does
      mean.push();
      assertArrayEquals(new float[] {1, 2, 3, 4}, engine.toFloatArray());
    }
  }

  @Test
  void valuesAreAViewOfTheEngineMemoryBothWays() {
    Linear linear = linear(2, 3);
    BlockParameters params = BlockParameters.of("fc", linear);
    assertTrue(params.zeroCopy(), "PyTorch CPU tensors should be viewed, not copied");
    DjlParameter weight = params.get("fc.weight");
    assertTrue(weight.values() instanceof DirectStorage);

    weight.values().set(4, 7.25f);   // Anneal writes, the engine sees it
    assertEquals(7.25f, weight.array().toFloatArray()[4]);
    weight.array().muli(2);   // the engine writes in place, Anneal sees it
    assertArrayEquals(new float[] {1, 1, 1, 1, 14.5f, 1}, weight.values().toArray());
  }

  /** loss = sum(W x + b): dloss/dW[i][j] = x[j] summed over the batch, dloss/db[i] = batch size. */
  private static void backwardSum(Block block, NDManager manager, float[][] batch) {
    try (NDManager scope = manager.newSubManager(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray x = scope.create(batch);
      NDArray y = block.forward(new ParameterStore(scope, false), new NDList(x), true).singletonOrThrow();
      collector.backward(y.sum());
    }
  }

  @Test
  void gradientViewsTheEngineGradientWhichAccumulatesAndZeroes() {
    Linear linear = linear(2, 3);
    BlockParameters params = BlockParameters.of("fc", linear);
    DjlParameter weight = params.get("fc.weight");
    DjlParameter bias = params.get("fc.bias");
    assertNull(weight.grad(), "no gradient before the first backward pass");

    backwardSum(linear, manager, new float[][] {{1, 2, 3}, {4, 5, 6}});
    assertArrayEquals(new float[] {5, 7, 9, 5, 7, 9}, weight.grad().toArray());
    assertArrayEquals(new float[] {2, 2}, bias.grad().toArray());
    assertTrue(weight.grad() instanceof DirectStorage);

    backwardSum(linear, manager, new float[][] {{1, 1, 1}});
    assertArrayEquals(new float[] {6, 8, 10, 6, 8, 10}, weight.grad().toArray(), "PyTorch accumulates gradients");

    weight.grad().set(0, -1f);   // writes (clipping) reach the engine's gradient
    assertEquals(-1f, linear.getParameters().get("weight").getArray().getGradient().toFloatArray()[0]);

    weight.zeroGrad(true);
    assertArrayEquals(new float[6], linear.getParameters().get("weight").getArray().getGradient().toFloatArray());
    backwardSum(linear, manager, new float[][] {{1, 0, 2}});
    assertArrayEquals(new float[] {1, 0, 2, 1, 0, 2}, weight.grad().toArray());
  }

  @Test
  void freezingSwitchesTheEngineFlagAndStopsGradients() {
    Linear linear = linear(2, 3);
    BlockParameters params = BlockParameters.of("fc", linear);
    DjlParameter weight = params.get("fc.weight");
    backwardSum(linear, manager, new float[][] {{1, 2, 3}});
    params.bound().forEach(p -> p.zeroGrad(true));

    weight.setRequiresGrad(false);
    assertFalse(linear.getParameters().get("weight").requiresGradient());
    assertFalse(weight.array().hasGradient());
    assertNull(weight.grad(), "a frozen parameter has no gradient, so optimizers skip it");
    backwardSum(linear, manager, new float[][] {{1, 2, 3}});
    assertNull(weight.grad());
    assertArrayEquals(new float[] {1, 1}, params.get("fc.bias").grad().toArray(), "the bias still trains");

    weight.setRequiresGrad(true);
    assertTrue(weight.array().hasGradient());
    backwardSum(linear, manager, new float[][] {{1, 2, 3}});
    assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, weight.grad().toArray(), "nothing accumulated while frozen");
  }

  private static float[] trainFewSteps(BlockParameters params, Block block, NDManager manager) {
    Sgd sgd = new Sgd(List.of(ParamGroup.of("fc", params)), Map.of("lr", 0.1, "momentum", 0.9));
    for (int step = 0; step < 3; step++) {
      backwardSum(block, manager, new float[][] {{1, -2, 3}, {0.5f, 1, -1}});
      params.pullFromEngine();
      sgd.step();
      params.pushToEngine();
      sgd.zeroGrad();
    }
    return block.getParameters().get("weight").getArray().toFloatArray();
  }

  @Test
  void copyingFallbackTrainsExactlyAsTheView() {
    Linear viewed = linear(2, 3);
    Linear copied = linear(2, 3);
    BlockParameters copies = BlockParameters.copying("fc", copied);
    assertFalse(copies.zeroCopy());
    assertFalse(copies.get("fc.weight").values() instanceof DirectStorage);

    float[] expected = trainFewSteps(BlockParameters.of("fc", viewed), viewed, manager);
    float[] actual = trainFewSteps(copies, copied, manager);
    assertFalse(expected[0] == 0.5f, "training moved the weights");
    assertArrayEquals(expected, actual);
    // plain SGD with momentum 0.9, lr 0.1 on a constant gradient g: w -= 0.1 g (1 + 1.9 + 2.71)
    assertEquals(0.5f - 0.1f * 1.5f * (1 + 1.9f + 2.71f), actual[0], 1e-5f);
  }

  @Test
  void uninitializedBlockIsRefusedWithTheFix() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BlockParameters.of("head", Linear.builder().setUnits(2).build()));
    assertTrue(e.getMessage().contains("head") && e.getMessage().contains("initialize"), e.getMessage());
  }

  @Test
  void replacedEngineArrayIsDetected() throws Exception {
    Linear linear = linear(2, 3);
    BlockParameters params = BlockParameters.of("fc", linear);
    params.get("fc.weight").checkBound();
    ByteArrayOutputStream saved = new ByteArrayOutputStream();
    linear.saveParameters(new DataOutputStream(saved));
    linear.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> params.get("fc.weight").checkBound());
    assertTrue(e.getMessage().contains("fc.weight"), e.getMessage());
    assertNotNull(BlockParameters.of("fc", linear).get("fc.weight"));
  }
}
