package dev.anneal.djl.interop;

import dev.anneal.djl.EngineTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.anneal.djl.EngineMemory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other way of {@link TorchWeightsTest}: a DJL block's weights, changed in Java, saved by
 * {@link TorchWeights#save} and loaded by PyTorch's {@code load_state_dict} into the same CNN
 * ({@code src/test/python/eval_weights_in_torch.py}) give PyTorch the output DJL computes. Needs
 * torch; skipped, saying so, without it.
 */
class WeightsInTorchTest extends EngineTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Shape INPUT = new Shape(2, 1, 6, 6);
  @TempDir Path dir;

  @BeforeAll
  static void requireTorch() throws InterruptedException {
    TorchPython.assumeInstalled();
  }


  @Test
  void savedWeightsGiveTorchTheOutputDjlComputes() throws IOException, InterruptedException {
    Path fixtureWeights = dir.resolve("cnn.safetensors");
    JsonNode fixture;
    try (InputStream in = getClass().getResourceAsStream("/interop/cnn.safetensors")) {
      Files.copy(in, fixtureWeights, StandardCopyOption.REPLACE_EXISTING);
    }
    try (InputStream in = getClass().getResourceAsStream("/interop/cnn.json")) {
      fixture = JSON.readTree(in);
    }
    Block block = new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(4).build())
        .add(BatchNorm.builder().build())
        .add(Activation::relu)
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(3).build());
    block.initialize(manager, DataType.FLOAT32, INPUT);
    TorchWeights.load(block, fixtureWeights, NameMapping.ignoringBatchCounters(), true);
    // Change every tensor, so that torch can only give DJL's output by reading what Java saved.
    TorchNames.of(block).forEach((name, p) -> {
      float[] v = p.getArray().toFloatArray();
      for (int i = 0; i < v.length; i++) {
        v[i] = name.endsWith("running_var") ? v[i] * 1.5f : v[i] * 0.75f + 0.01f * (i % 7);
      }
      EngineMemory.write(p.getArray(), v);
    });
    Path saved = dir.resolve("saved.safetensors");
    TorchWeights.save(block, saved);

    float[] input = new float[fixture.get("input").size()];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) fixture.get("input").get(i).asDouble();
    }
    NDArray x = manager.create(input, INPUT);
    float[] djl = block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow().toFloatArray();

    JsonNode torch = JSON.readTree(TorchPython.run("eval_weights_in_torch.py", saved.toString()));
    // DJL keeps no num_batches_tracked; PyTorch's BatchNorm fills it in for a state_dict without
    // version metadata, so nothing is missing and torch's strict load would take the file as well.
    assertEquals(List.of(), JSON.convertValue(torch.get("missing"), List.class));
    assertEquals(List.of(), JSON.convertValue(torch.get("unexpected"), List.class));
    for (int i = 0; i < djl.length; i++) {
      double expected = torch.get("output").get(i).asDouble();
      assertEquals(expected, djl[i], 1e-5 + 1e-5 * Math.abs(expected), "output " + i);
    }
    float[] fixtureOutput = new float[3];
    for (int i = 0; i < 3; i++) {
      fixtureOutput[i] = (float) fixture.get("output").get(i).asDouble();
    }
    assertNotEquals(fixtureOutput[0], djl[0], 1e-3, "the changed weights change the output");
  }
}
