package dev.anneal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Spec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25, item 1: a checkpoint is checked before anything is allocated, and forged values are refused by name. */
class UntrustedCheckpointTest {
  @TempDir Path dir;

  @Test
  void aNullHeaderIsRefusedNotANullPointer() throws Exception {
    Path file = dir.resolve("null.ckpt");
    Forgery.writeRaw(file, "null    ".getBytes(StandardCharsets.UTF_8), new byte[0]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.read(file));
    assertTrue(e.getMessage().contains("its header does not start with '{'"), e.getMessage());
  }

  @Test
  void anElementCountThatOverflowsIsRefused() throws Exception {
    Path file = dir.resolve("overflow.ckpt");
    // 8*5*5581*8681*49477*384773 wraps around to 8 in a long: it used to read as 8 values
    Forgery.write(file, Map.of("format", CheckpointFile.FORMAT, "format_version", "1"), "{}",
        Map.of("w", Map.of("dtype", "F32", "shape", List.of(8, 5, 5581, 8681, 49477, 384773), "data_offsets", List.of(0, 32))),
        new byte[32]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.read(file));
    assertTrue(e.getMessage().contains("tensor w has shape [8, 5, 5581, 8681, 49477, 384773], whose element count overflows"),
        e.getMessage());
  }

  @Test
  void aDuplicatedTensorNameIsRefused() throws Exception {
    Path file = dir.resolve("dup.ckpt");
    String entry = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
    String header = "{\"__metadata__\":{\"format\":\"anneal-checkpoint\",\"format_version\":\"1\",\"anneal_state\":\"{}\","
        + "\"checksum_crc32c\":\"0\"},\"w\":" + entry + ",\"w\":" + entry + "}";
    Forgery.writeRaw(file, header.getBytes(StandardCharsets.UTF_8), new byte[4]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.read(file));
    assertTrue(e.getMessage().contains("Duplicate field 'w'"), e.getMessage());
  }

  /** A plan of Adam over {@code n} parameters of 4 floats each, one step taken so that every parameter has state. */
  static TrainingPlan adamPlan(int n) {
    Layer layer = new Layer("net");
    for (int i = 0; i < n; i++) {
      layer.add("p" + i, 4);
    }
    TrainingPlan plan = TrainingPlan.builder().epochs(2).stepsPerEpoch(2)
        .optimizer(Spec.of("Adam").with("lr", 0.01))
        .group("all", layer)
        .build();
    plan.startEpoch();
    for (Parameter p : plan.parameters()) {
      p.gradOrZeros().set(0, 0.5f);
    }
    plan.afterBackward();
    return plan;
  }

  private static List<String> snapshot(TrainingPlan plan) {
    List<String> all = new ArrayList<>();
    plan.parameters().forEach(p -> all.add(p.name() + Arrays.toString(p.values().toArray())));
    all.add(describe(plan.optimizer().stateDict()));
    all.add(plan.clock().epoch() + "/" + plan.clock().step());
    return all;
  }

  /** The state with every array's values (records print arrays by identity). */
  static String describe(dev.anneal.optim.OptimizerState state) {
    StringBuilder out = new StringBuilder(state.type());
    state.groups().forEach(g -> g.forEach((k, v) -> out.append(' ').append(k).append('=')
        .append(v instanceof double[] d ? Arrays.toString(d) : String.valueOf(v))));
    state.state().forEach((name, s) -> {
      out.append(' ').append(name).append(s.scalars());
      s.tensors().forEach((k, v) -> out.append(' ').append(k).append(Arrays.toString(v)));
    });
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private void assertForgeryRefused(java.util.function.Consumer<Map<String, Object>> editState, String... expected)
      throws Exception {
    Path file = dir.resolve("forged.ckpt");
    adamPlan(2).save(file);
    Forgery.forge(file, editState, table -> { });
    TrainingPlan plan = adamPlan(2);
    List<String> before = snapshot(plan);
    CheckpointException e = assertThrows(CheckpointException.class, () -> plan.load(file));
    for (String s : expected) {
      assertTrue(e.getMessage().contains(s), "should name '" + s + "': " + e.getMessage());
    }
    assertTrue(before.equals(snapshot(plan)), "nothing is loaded");
  }

  @Test
  @SuppressWarnings("unchecked")
  void forgedBetasAreRefusedByName() throws Exception {
    assertForgeryRefused(state -> {
      Map<String, Object> optimizer = (Map<String, Object>) state.get("optimizer");
      ((List<Map<String, Object>>) optimizer.get("groups")).get(0).put("betas", List.of(2.0, -1.0));
    }, "group all: Adam betas", "element 0 must be in [0, 1)", "nothing was loaded");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aForgedStepOfNanOrMinusOneIsRefusedByName() throws Exception {
    for (double step : new double[] {Double.NaN, -1, 2.5}) {
      assertForgeryRefused(state -> {
        Map<String, Object> optimizer = (Map<String, Object>) state.get("optimizer");
        Map<String, Object> perParam = (Map<String, Object>) optimizer.get("state");
        Map<String, Object> entry = (Map<String, Object>) perParam.get("net.p0");
        ((Map<String, Object>) entry.get("scalars")).put("step", step);
      }, "state scalar step of parameter net.p0 is " + step, "a count of steps is a whole number");
    }
  }

  /** A clock no run produces is refused, naming the value. */
  @Test
  @SuppressWarnings("unchecked")
  void aForgedNegativeEpochIsRefusedByName() throws Exception {
    assertForgeryRefused(state -> ((Map<String, Object>) state.get("clock")).put("epoch", -5), "epoch", "-5");
  }

  /**
   * A sparse file declaring one extra state tensor of 10^9 floats, with a checksum to match, is
   * refused naming the tensor, and nothing is allocated for it.
   */
  @Test
  @SuppressWarnings("unchecked")
  void anExtraHugeTensorIsRefusedBeforeAnythingIsAllocated() throws Exception {
    Path file = dir.resolve("sparse.ckpt");
    adamPlan(2).save(file);
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    Map<String, Object> header = Forgery.header(bytes);
    Map<String, Object> metadata = (Map<String, Object>) header.remove("__metadata__");
    long dataLength = Forgery.data(bytes).length;
    long huge = 1_000_000_000L * Float.BYTES;
    header.put("optimizer/net.p0/forged", Map.of("dtype", "F32", "shape", List.of(1_000_000_000),
        "data_offsets", List.of(dataLength, dataLength + huge)));
    // the checksum a forger computes: over the state, the table, the data and the 4 GB of zeros
    String stateJson = (String) metadata.get(CheckpointFile.KEY_STATE);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    CheckpointFile.checksumHeader(crc, stateJson, header);
    crc.update(Forgery.data(bytes));
    java.nio.ByteBuffer zeros = java.nio.ByteBuffer.allocateDirect(1 << 22);
    for (long done = 0; done < huge; done += zeros.capacity()) {
      crc.update(zeros.clear().limit((int) Math.min(zeros.capacity(), huge - done)));
    }
    Map<String, Object> forged = new java.util.LinkedHashMap<>();
    forged.put("__metadata__", Map.of("format", CheckpointFile.FORMAT, "format_version", "1", "anneal_state", stateJson,
        "checksum_crc32c", Long.toHexString(crc.getValue())));
    forged.putAll(header);
    Forgery.writeRaw(file, Json.write(forged).getBytes(StandardCharsets.UTF_8), Forgery.data(bytes));
    try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.allocate(1), channel.size() + huge - 1); // a hole: a few KB on disk
    }
    CheckpointException e = assertThrows(CheckpointException.class, () -> adamPlan(2).load(file));
    assertTrue(e.getMessage().contains("optimizer/net.p0/forged"), e.getMessage());
  }

  /**
   * The case that failed with "Cannot reserve 4194304 bytes of direct buffer memory": every
   * tensor streams through the reader's one buffer. The timing under -Xmx256m
   * -XX:MaxDirectMemorySize=64m is measured by {@link ManySmallTensors}, not asserted here.
   */
  @Test
  void aCheckpointOfTenThousandSmallTensorsLoads() throws Exception {
    TrainingPlan saved = adamPlan(5_000); // 5,000 parameters and 10,000 state tensors
    Path file = dir.resolve("many.ckpt");
    saved.save(file);
    TrainingPlan loaded = adamPlan(5_000);
    loaded.parameters().forEach(p -> p.values().set(1, 42f));
    loaded.load(file);
    for (int i = 0; i < saved.parameters().size(); i++) {
      assertArrayEquals(saved.parameters().get(i).values().toArray(), loaded.parameters().get(i).values().toArray());
    }
    assertTrue(describe(saved.optimizer().stateDict()).equals(describe(loaded.optimizer().stateDict())), "optimizer state");
  }
}
