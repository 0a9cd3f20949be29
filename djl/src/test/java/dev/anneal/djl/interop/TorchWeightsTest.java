package dev.anneal.djl.interop;

import dev.anneal.djl.EngineTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.anneal.djl.BlockParameters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the state_dict of a PyTorch CNN (recorded by src/test/python/record_torch_weights_fixture.py
 * with PyTorch 1.13) into the same CNN built with DJL, and checks the eval output against PyTorch's.
 */
class TorchWeightsTest extends EngineTest {
  private static final Shape INPUT = new Shape(2, 1, 6, 6);
  @TempDir Path dir;
  private Path weights;
  private JsonNode fixture;

  @BeforeEach
  void copyFixture() throws IOException {
    weights = dir.resolve("cnn.safetensors");
    try (InputStream in = getClass().getResourceAsStream("/interop/cnn.safetensors")) {
      Files.copy(in, weights, StandardCopyOption.REPLACE_EXISTING);
    }
    try (InputStream in = getClass().getResourceAsStream("/interop/cnn.json")) {
      fixture = JsonMapper.builder().build().readTree(in);
    }
  }

  /** The fixture's model: Conv2d(1, 4, 3), BatchNorm2d(4), ReLU, Flatten, Linear(64, units). */
  private Block cnn(int units) {
    Block block = new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(4).build())
        .add(BatchNorm.builder().build())
        .add(Activation::relu)
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(units).build());
    block.initialize(manager, DataType.FLOAT32, INPUT);
    return block;
  }

  private float[] floats(String field) {
    JsonNode values = fixture.get(field);
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) values.get(i).asDouble();
    }
    return out;
  }

  private float[] evalOutput(Block block) {
    NDArray x = manager.create(floats("input"), INPUT);
    NDList y = block.forward(new ParameterStore(manager, false), new NDList(x), false);
    return y.singletonOrThrow().toFloatArray();
  }

  private static Map<String, float[]> snapshot(Block block) {
    Map<String, float[]> out = new LinkedHashMap<>();
    TorchNames.of(block).forEach((name, p) -> out.put(name, p.getArray().toFloatArray()));
    return out;
  }

  @Test
  void theBlocksTensorsHavePyTorchsNames() {
    List<String> expected = new java.util.ArrayList<>();
    fixture.get("keys").forEach(k -> expected.add(k.asText()));
    expected.remove("1.num_batches_tracked"); // PyTorch's BatchNorm counter: DJL keeps none
    assertEquals(expected, List.copyOf(TorchNames.of(cnn(3)).keySet()));
  }

  @Test
  void strictLoadGivesPyTorchsOutput() throws IOException {
    Block block = cnn(3);
    BlockParameters bound = BlockParameters.of("cnn", block); // bound before the load: views see it
    WeightLoadReport report = TorchWeights.load(block, weights, NameMapping.ignoringBatchCounters(), true);
    assertTrue(report.isComplete(), report.toString());
    assertEquals(List.of("1.num_batches_tracked"), report.ignored());
    assertEquals(8, report.loaded().size());

    float[] expected = floats("output");
    float[] actual = evalOutput(block);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-5 + 1e-5 * Math.abs(expected[i]), "output " + i);
    }
    if (bound.zeroCopy()) {
      assertArrayEquals(block.getChildren().valueAt(0).getParameters().get("weight").getArray().toFloatArray(),
          bound.get("cnn.0.weight").values().toArray());
    }
  }

  @Test
  void strictLoadRefusesNamingEveryProblemAndChangesNothing() throws IOException {
    Block block = cnn(5); // another head: 5 classes
    Map<String, float[]> before = snapshot(block);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TorchWeights.load(block, weights, true));
    assertEquals("cannot load " + weights + " into the block strictly (nothing was loaded): unexpected in the file (no such "
        + "block tensor): [1.num_batches_tracked]; not fitting: [4.weight: shape [3, 64] in the file, [5, 64] in the block, "
        + "4.bias: shape [3] in the file, [5] in the block]", e.getMessage());
    Map<String, float[]> after = snapshot(block);
    before.forEach((name, values) -> assertArrayEquals(values, after.get(name), name));
  }

  /** Issue 25: a repeated tensor name in a hub's file was read as "the last one wins", even strictly. */
  @Test
  void aRepeatedTensorNameIsRefusedAndChangesNothing() throws IOException {
    byte[] bytes = Files.readAllBytes(weights);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int length = (int) in.getLong(0);
    String header = new String(bytes, 8, length, java.nio.charset.StandardCharsets.UTF_8).strip();
    int start = header.indexOf("\"0.weight\"");
    int end = header.indexOf('}', start) + 1;
    String forged = header.substring(0, header.length() - 1) + "," + header.substring(start, end) + "}";
    byte[] json = forged.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(8 + json.length + bytes.length - 8 - length)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    out.putLong(json.length).put(json).put(bytes, 8 + length, bytes.length - 8 - length);
    Files.write(weights, out.array());
    Block block = cnn(3);
    Map<String, float[]> before = snapshot(block);
    IOException e = assertThrows(IOException.class, () -> TorchWeights.load(block, weights, true));
    assertTrue(e.getMessage().contains("its header is not one JSON object (Duplicate field '0.weight')"), e.getMessage());
    Map<String, float[]> after = snapshot(block);
    before.forEach((name, values) -> assertArrayEquals(values, after.get(name), name));
  }

  @Test
  void nonStrictLoadsWhatFitsAndReportsTheRest() throws IOException {
    Block block = cnn(5);
    float[] head = snapshot(block).get("4.weight");
    WeightLoadReport report = TorchWeights.load(block, weights, false);
    assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var"), report.loaded());
    assertEquals(List.of("1.num_batches_tracked"), report.unexpected());
    assertEquals(List.of("4.weight", "4.bias"), report.mismatched().stream().map(WeightLoadReport.Mismatch::blockName).toList());
    assertEquals(List.of(), report.missing(), "a mis-shaped tensor is reported as such, not also as missing");
    assertArrayEquals(head, snapshot(block).get("4.weight"), "the mis-shaped head keeps its own values");
    Map<String, float[]> loaded = snapshot(block);
    Block reference = cnn(3);
    TorchWeights.load(reference, weights, NameMapping.ignoringBatchCounters(), true);
    assertArrayEquals(snapshot(reference).get("1.running_var"), loaded.get("1.running_var"));
    assertNotEquals(1f, loaded.get("1.running_var")[0], "running statistics came from the file");
  }

  @Test
  void aMappingBridgesOtherNamesAndMissingTensorsAreNamed() throws IOException {
    // A file saved from a model wrapped in DataParallel: every name starts with "module.".
    Path prefixed = dir.resolve("module.safetensors");
    Block source = cnn(3);
    TorchWeights.load(source, weights, NameMapping.ignoringBatchCounters(), true);
    Map<String, float[]> expected = snapshot(source);
    TorchWeights.save(source, dir.resolve("plain.safetensors"));
    Map<String, dev.anneal.checkpoint.TensorRef> renamed = new LinkedHashMap<>();
    try (dev.anneal.safetensors.SafetensorsFile in = dev.anneal.safetensors.SafetensorsFile.open(dir.resolve("plain.safetensors"))) {
      for (var e : in.entries().values()) {
        if (!e.name().startsWith("1.")) { // leave the BatchNorm out: it is then missing
          renamed.put("module." + e.name(), dev.anneal.checkpoint.TensorRef.of(e.shape(), in.readFloats(e.name())));
        }
      }
    }
    dev.anneal.safetensors.SafetensorsWriter.write(prefixed, renamed);

    Block target = cnn(3);
    WeightLoadReport report = TorchWeights.load(target, prefixed, NameMapping.stripPrefix("module."), false);
    assertEquals(List.of("1.weight", "1.bias", "1.running_mean", "1.running_var"), report.missing());
    assertEquals(List.of(), report.unexpected());
    assertArrayEquals(expected.get("4.weight"), snapshot(target).get("4.weight"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TorchWeights.load(cnn(3), prefixed, true));
    assertTrue(e.getMessage().contains("missing from the file: [0.weight, 0.bias, 1.weight"), e.getMessage());
    assertTrue(e.getMessage().contains("unexpected in the file (no such block tensor): [module.0.weight"), e.getMessage());
  }

  @Test
  void savedWeightsLoadBackExactly() throws IOException {
    Block source = cnn(3);
    TorchWeights.load(source, weights, NameMapping.ignoringBatchCounters(), true);
    Path saved = dir.resolve("saved.safetensors");
    TorchWeights.save(source, saved);
    Block copy = cnn(3);
    assertTrue(TorchWeights.load(copy, saved, true).isComplete());
    Map<String, float[]> a = snapshot(source);
    Map<String, float[]> b = snapshot(copy);
    a.forEach((name, values) -> assertArrayEquals(values, b.get(name), name));
  }
}
