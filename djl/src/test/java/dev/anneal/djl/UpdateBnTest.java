package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link UpdateBn} against {@code torch.optim.swa_utils.update_bn}: the same weights, running
 * statistics set beforehand (update_bn resets them) and batches, recorded by
 * {@code src/test/python/record_update_bn_fixtures.py}; every BatchNorm's running mean and
 * (unbiased) variance afterwards must be PyTorch's.
 */
class UpdateBnTest extends EngineTest {
  private static final String FIXTURE = "/conformance/swa/update_bn.json";

  static Stream<JsonNode> cases() throws IOException {
    try (InputStream in = UpdateBnTest.class.getResourceAsStream(FIXTURE)) {
      List<JsonNode> cases = new ArrayList<>();
      new ObjectMapper().readTree(in).get("cases").forEach(cases::add);
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void runningStatisticsAreThoseOfPyTorchsUpdateBn(JsonNode c) {
    float djlMomentum = (float) (1 - c.get("torch_momentum").asDouble());
    Model model = c.get("model").asText().equals("mlp") ? mlp(djlMomentum) : conv(djlMomentum);
    List<NDList> batches = new ArrayList<>();
    c.get("batches").forEach(b -> batches.add(new NDList(manager.create(floats(b.get("values")), shape(b.get("shape"))))));
    model.block.initialize(manager, DataType.FLOAT32, batches.get(0).head().getShape());
    model.torchParameters.forEach((name, parameter) ->
        parameter.getArray().set(floats(c.get("params").get(name).get("values"))));
    model.batchNorms.forEach((name, bn) -> {
      bn.getParameters().get("runningMean").getArray().set(floats(c.get("running_before").get(name).get("mean")));
      bn.getParameters().get("runningVar").getArray().set(floats(c.get("running_before").get(name).get("var")));
    });

    assertEquals(batches.size(), UpdateBn.update(model.block, batches));

    model.batchNorms.forEach((name, bn) -> {
      JsonNode expected = c.get("running_after").get(name);
      assertClose(name + ".running_mean", floats(expected.get("mean")), bn.getParameters().get("runningMean").getArray().toFloatArray());
      assertClose(name + ".running_var", floats(expected.get("var")), bn.getParameters().get("runningVar").getArray().toFloatArray());
    });
  }

  @Test
  void theLayersKeepTheirMomentum() {
    BatchNorm bn = BatchNorm.builder().optMomentum(0.75f).build();
    bn.initialize(manager, DataType.FLOAT32, new Shape(4, 2));
    NDList batch = new NDList(manager.create(new float[] {1, 10, 3, 20, 5, 30, 7, 40}, new Shape(4, 2)));
    UpdateBn.update(bn, List.of(batch));
    // one batch: the batch's mean and unbiased variance
    assertArrayEquals(new float[] {4, 25}, bn.getParameters().get("runningMean").getArray().toFloatArray(), 1e-5f);
    assertArrayEquals(new float[] {20f / 3, 500f / 3}, bn.getParameters().get("runningVar").getArray().toFloatArray(), 1e-4f);
    // a later training step still moves them by DJL's momentum 0.75: 0.75 * old + 0.25 * batch
    try (NDManager scope = manager.newSubManager()) {
      bn.forward(new ParameterStore(scope, false), new NDList(scope.create(new float[] {0, 0, 0, 0, 0, 0, 0, 0}, new Shape(4, 2))), true);
    }
    assertArrayEquals(new float[] {3, 18.75f}, bn.getParameters().get("runningMean").getArray().toFloatArray(), 1e-5f);
    assertArrayEquals(new float[] {5, 125}, bn.getParameters().get("runningVar").getArray().toFloatArray(), 1e-4f);
  }

  @Test
  void noBatchesLeaveTheResetStatistics() {
    BatchNorm bn = BatchNorm.builder().build();
    bn.initialize(manager, DataType.FLOAT32, new Shape(3, 2));
    bn.getParameters().get("runningMean").getArray().set(new float[] {5, 6});
    bn.getParameters().get("runningVar").getArray().set(new float[] {7, 8});
    assertEquals(0, UpdateBn.update(bn, List.of()));
    assertArrayEquals(new float[] {0, 0}, bn.getParameters().get("runningMean").getArray().toFloatArray());
    assertArrayEquals(new float[] {1, 1}, bn.getParameters().get("runningVar").getArray().toFloatArray());
  }

  @Test
  void aModelWithoutBatchNormIsLeftAloneAndItsBatchesUnread() {
    Block linear = Linear.builder().setUnits(2).build();
    linear.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
    Iterable<NDList> unreadable = () -> {
      throw new AssertionError("the batches were read");
    };
    assertEquals(0, UpdateBn.update(linear, unreadable));
  }

  @Test
  void aBatchNormThatNeverMovesItsStatisticsIsRefused() {
    BatchNorm frozen = BatchNorm.builder().optMomentum(1f).build();
    SequentialBlock block = new SequentialBlock().add(Linear.builder().setUnits(2).build()).add(frozen);
    block.initialize(manager, DataType.FLOAT32, new Shape(2, 3));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> UpdateBn.update(block, List.of(new NDList(manager.ones(new Shape(2, 3))))));
    assertTrue(e.getMessage().contains("BatchNorm model.1 does not move its running statistics"), e.getMessage());
  }

  // ---------------------------------------------------------------- the fixtures' models, built in DJL

  /** A block, its weights under PyTorch's names, and its BatchNorm layers under PyTorch's module names. */
  private record Model(Block block, Map<String, ai.djl.nn.Parameter> torchParameters, Map<String, BatchNorm> batchNorms) {}

  /** Linear(4, 3), BatchNorm1d(3), ReLU, Linear(3, 2), BatchNorm1d(2), and a BatchNorm1d(3) forward never calls. */
  private static Model mlp(float momentum) {
    Linear fc1 = Linear.builder().setUnits(3).build();
    BatchNorm bn1 = BatchNorm.builder().optMomentum(momentum).build();
    Linear fc2 = Linear.builder().setUnits(2).build();
    BatchNorm bn2 = BatchNorm.builder().optMomentum(momentum).build();
    BatchNorm unused = BatchNorm.builder().optMomentum(momentum).build();
    SequentialBlock body = new SequentialBlock().add(fc1).add(bn1).add(Activation::relu).add(fc2).add(bn2);
    return model(new WithUnusedChild(body, unused), Map.of("fc1", fc1, "fc2", fc2),
        Map.of("bn1", bn1, "bn2", bn2, "unused", unused));
  }

  /** Conv2d(2, 3, 3, padding=1), BatchNorm2d(3), ReLU, Conv2d(3, 2, 3, padding=1), BatchNorm2d(2). */
  private static Model conv(float momentum) {
    Conv2d conv1 = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(3).build();
    BatchNorm bn1 = BatchNorm.builder().optMomentum(momentum).build();
    Conv2d conv2 = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(2).build();
    BatchNorm bn2 = BatchNorm.builder().optMomentum(momentum).build();
    SequentialBlock block = new SequentialBlock().add(conv1).add(bn1).add(Activation::relu).add(conv2).add(bn2);
    return model(block, Map.of("conv1", conv1, "conv2", conv2), Map.of("bn1", bn1, "bn2", bn2));
  }

  private static Model model(Block block, Map<String, Block> layers, Map<String, BatchNorm> batchNorms) {
    Map<String, ai.djl.nn.Parameter> params = new LinkedHashMap<>();
    layers.forEach((name, layer) -> {
      params.put(name + ".weight", layer.getParameters().get("weight"));
      params.put(name + ".bias", layer.getParameters().get("bias"));
    });
    batchNorms.forEach((name, bn) -> {
      params.put(name + ".weight", bn.getParameters().get("gamma"));
      params.put(name + ".bias", bn.getParameters().get("beta"));
    });
    return new Model(block, params, batchNorms);
  }

  /** A body and a BatchNorm that forward never calls (PyTorch's update_bn still resets it). */
  private static final class WithUnusedChild extends AbstractBlock {
    private final Block body;
    private final Block unused;

    WithUnusedChild(Block body, Block unused) {
      this.body = addChildBlock("body", body);
      this.unused = addChildBlock("unused", unused);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
      return body.forward(store, inputs, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
      return body.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
      body.initialize(manager, dataType, inputShapes);
      unused.initialize(manager, dataType, new Shape(2, 3));
    }
  }

  // ---------------------------------------------------------------- fixture values

  private static float[] floats(JsonNode values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) values.get(i).asDouble();
    }
    return out;
  }

  private static Shape shape(JsonNode dims) {
    long[] out = new long[dims.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = dims.get(i).asLong();
    }
    return new Shape(out);
  }

  private static void assertClose(String what, float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double tolerance = 1e-6 + 2e-5 * Math.abs(expected[i]);
      assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance,
          what + "[" + i + "]: PyTorch " + expected[i] + ", Anneal " + actual[i]);
    }
  }
}
