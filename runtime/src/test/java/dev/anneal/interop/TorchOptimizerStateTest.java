package dev.anneal.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.checkpoint.Json;
import dev.anneal.checkpoint.TensorRef;
import dev.anneal.optim.Adam;
import dev.anneal.optim.AdamW;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.OptimizerState;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.RmsProp;
import dev.anneal.optim.Sgd;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.safetensors.SafetensorsFile;
import dev.anneal.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchOptimizerStateTest {
  @TempDir Path dir;

  /** Three parameters, the last never given a gradient (so PyTorch, and Anneal, keep no state for it). */
  private static List<Parameter> params() {
    Parameter w = new Parameter("fc.weight", new int[] {2, 3}, FloatStorage.wrap(new float[] {0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f}));
    Parameter b = Parameter.of("fc.bias", 0.01f, -0.02f);
    Parameter unused = Parameter.of("head.bias", 1f);
    return List.of(w, b, unused);
  }

  private static List<ParamGroup> twoGroups(List<Parameter> p) {
    return List.of(new ParamGroup("body", List.of(p.get(0))).with("lr", 0.01),
        new ParamGroup("head", List.of(p.get(1), p.get(2))).with("lr", 0.1).with("weight_decay", 0.0));
  }

  /** Gradients of step {@code t}, the same on every run; the last parameter gets none. */
  private static void steps(Optimizer optimizer, List<Parameter> p, int from, int to) {
    for (int t = from; t < to; t++) {
      for (int i = 0; i < 2; i++) {
        float[] g = new float[p.get(i).size()];
        for (int k = 0; k < g.length; k++) {
          g[k] = (float) Math.sin(1.7 * t + 0.3 * k + i);
        }
        p.get(i).setGrad(FloatStorage.wrap(g));
      }
      optimizer.step();
    }
  }

  private static List<float[]> values(List<Parameter> p) {
    return p.stream().map(x -> x.values().toArray()).toList();
  }

  private Path tensors() {
    return dir.resolve("optimizer.safetensors");
  }

  private Path json() {
    return dir.resolve("optimizer.json");
  }

  @Test
  void adamStateIsWrittenInPyTorchsStructure() throws IOException {
    List<Parameter> p = params();
    Adam adam = new Adam(twoGroups(p), Map.of("betas", List.of(0.8, 0.99)));
    steps(adam, p, 0, 3);
    TorchOptimizerState.save(adam, tensors(), json());

    Map<String, Object> rest = Json.readObject(Files.readString(json()));
    assertEquals("Adam", rest.get("optimizer"));
    List<?> groups = (List<?>) rest.get("param_groups");
    Map<?, ?> body = (Map<?, ?>) groups.get(0);
    Map<?, ?> head = (Map<?, ?>) groups.get(1);
    assertEquals(List.of(0), body.get("params"));
    assertEquals(List.of(1, 2), head.get("params"));
    assertEquals(List.of("fc.bias", "head.bias"), head.get("param_names"));
    assertEquals(0.01, body.get("lr"));
    assertEquals(List.of(0.8, 0.99), body.get("betas"));
    assertEquals(1.0e-8, body.get("eps"));
    assertEquals(false, body.get("amsgrad"));
    assertTrue(body.containsKey("foreach") && body.get("foreach") == null, "implementation switches at PyTorch's defaults");
    assertEquals(false, body.get("capturable"));
    assertEquals(false, body.containsKey("name"), "Anneal's group name is not a PyTorch key");

    try (SafetensorsFile file = SafetensorsFile.open(tensors())) {
      assertEquals(Set.of("state.0.step", "state.0.exp_avg", "state.0.exp_avg_sq", "state.1.step", "state.1.exp_avg",
          "state.1.exp_avg_sq"), file.entries().keySet(), "no state for the parameter that never had a gradient");
      assertArrayEquals(new int[0], file.entry("state.0.step").shape());
      assertArrayEquals(new float[] {3}, file.readFloats("state.0.step"));
      assertArrayEquals(new int[] {2, 3}, file.entry("state.0.exp_avg").shape());
      assertArrayEquals(adam.stateDict().state().get("fc.weight").tensors().get("exp_avg_sq"),
          file.readFloats("state.0.exp_avg_sq"));
    }
  }

  @Test
  void loadedStateContinuesBitForBit() throws IOException {
    for (Function<List<ParamGroup>, Optimizer> make : List.<Function<List<ParamGroup>, Optimizer>>of(
        g -> new Adam(g, Map.of("amsgrad", true)), g -> new AdamW(g, Map.of()),
        g -> new Sgd(g, Map.of("momentum", 0.9, "nesterov", true)))) {
      List<Parameter> p = params();
      Optimizer original = make.apply(twoGroups(p));
      steps(original, p, 0, 3);
      TorchOptimizerState.save(original, tensors(), json());

      List<Parameter> q = params();
      for (int i = 0; i < p.size(); i++) {
        q.get(i).values().copyFrom(p.get(i).values().toArray());
      }
      List<ParamGroup> groups = twoGroups(q);
      groups.get(0).setLr(0.5); // the file's hyperparameters win, as in PyTorch
      Optimizer resumed = make.apply(groups);
      TorchOptimizerState.load(resumed, tensors(), json());
      assertEquals(0.01, resumed.paramGroups().get(0).lr(), original.type());

      steps(original, p, 3, 6);
      steps(resumed, q, 3, 6);
      for (int i = 0; i < p.size(); i++) {
        assertArrayEquals(values(p).get(i), values(q).get(i), original.type() + " parameter " + p.get(i).name());
      }
    }
  }

  @Test
  void sgdStateIsTheMomentumBufferOnly() throws IOException {
    List<Parameter> p = params();
    Sgd sgd = new Sgd(twoGroups(p), Map.of("momentum", 0.9));
    steps(sgd, p, 0, 2);
    TorchOptimizerState.save(sgd, tensors(), json());
    try (SafetensorsFile file = SafetensorsFile.open(tensors())) {
      assertEquals(Set.of("state.0.momentum_buffer", "state.1.momentum_buffer"), file.entries().keySet());
    }
  }

  @Test
  void stateNamesAreTheOnesTheOptimizersExport() {
    List<Parameter> p = params();
    Optimizer adam = new Adam(twoGroups(p), Map.of("amsgrad", true));
    steps(adam, p, 0, 1);
    OptimizerState.ParamState a = adam.stateDict().state().get("fc.weight");
    assertEquals(TorchStateNames.tensors("Adam"), List.copyOf(a.tensors().keySet()));
    assertEquals(TorchStateNames.scalars("Adam"), List.copyOf(a.scalars().keySet()));
    Optimizer sgd = new Sgd(twoGroups(params()), Map.of("momentum", 0.5));
    List<Parameter> s = sgd.paramGroups().get(0).params();
    s.get(0).setGrad(FloatStorage.wrap(new float[6]));
    sgd.step();
    OptimizerState.ParamState m = sgd.stateDict().state().get("fc.weight");
    assertEquals(TorchStateNames.tensors("SGD"), List.copyOf(m.tensors().keySet()));
    assertEquals(TorchStateNames.scalars("SGD"), List.copyOf(m.scalars().keySet()));
  }

  @Test
  void otherOptimizersAreRefusedByName() {
    RmsProp rmsprop = new RmsProp(twoGroups(params()), Map.of());
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> TorchOptimizerState.save(rmsprop, tensors(), json()));
    assertEquals("moving RMSprop state to or from PyTorch's optimizer.state_dict() is not supported yet; supported: Adam, "
        + "AdamW, SGD", e.getMessage());
  }

  @Test
  void aMismatchIsRefusedWholeAndChangesNothing() throws IOException {
    List<Parameter> p = params();
    Adam saved = new Adam(twoGroups(p), Map.of());
    steps(saved, p, 0, 2);
    TorchOptimizerState.save(saved, tensors(), json());

    // another optimizer type
    assertRefusal(new AdamW(twoGroups(params()), Map.of()), "the state is for Adam, this optimizer is AdamW");
    // another number of groups
    List<Parameter> q = params();
    assertRefusal(new Adam(List.of(new ParamGroup("all", q)), Map.of()), "the state has 2 parameter groups, this optimizer 1");
    // another number of parameters in a group
    List<Parameter> r = params();
    assertRefusal(new Adam(List.of(new ParamGroup("body", List.of(r.get(0), r.get(2))), new ParamGroup("head", List.of(r.get(1)))),
        Map.of()), "group body holds 2 parameters, the saved group 1");
    // same size, another shape: every problem named, and the optimizer keeps its own state
    Parameter transposed = new Parameter("fc.weight", new int[] {3, 2}, FloatStorage.heap(6));
    List<Parameter> t = List.of(transposed, Parameter.of("fc.bias", 0, 0), Parameter.of("head.bias", 0));
    Adam target = new Adam(twoGroups(t), Map.of());
    steps(target, t, 0, 1);
    OptimizerState before = target.stateDict();
    String message = assertRefusal(target, "tensor state.0.exp_avg has shape [2, 3], parameter 0 (fc.weight) has shape [3, 2]");
    assertTrue(message.contains("tensor state.0.exp_avg_sq has shape [2, 3]"), message);
    assertEquals(1.0, target.stateDict().state().get("fc.weight").scalars().get("step"));
    assertArrayEquals(before.state().get("fc.bias").tensors().get("exp_avg"),
        target.stateDict().state().get("fc.bias").tensors().get("exp_avg"), "nothing loaded half-way");
    assertEquals(0.01, target.paramGroups().get(0).lr());
  }

  @Test
  void unknownKeysBadHyperparametersAndMixedSavesAreRefused() throws IOException {
    List<Parameter> p = params();
    Adam saved = new Adam(twoGroups(p), Map.of());
    steps(saved, p, 0, 1);
    TorchOptimizerState.save(saved, tensors(), json());
    Path otherTensors = dir.resolve("other.safetensors");
    Map<String, TensorRef> odd = new LinkedHashMap<>();
    odd.put("state.0.momentum_buffer", TensorRef.of(new int[] {2, 3}, new float[6]));
    odd.put("state.7.exp_avg", TensorRef.of(new int[] {1}, new float[1]));
    SafetensorsWriter.write(otherTensors, odd, Map.of("save_id", "not-the-same"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TorchOptimizerState.load(new Adam(twoGroups(params()), Map.of()), otherTensors, json()));
    assertTrue(e.getMessage().contains("the two files are from different saves"), e.getMessage());
    assertTrue(e.getMessage().contains("tensor state.0.momentum_buffer: Adam has no state momentum_buffer"), e.getMessage());
    assertTrue(e.getMessage().contains("tensor state.7.exp_avg is for parameter 7, which no group holds"), e.getMessage());

    String edited = Files.readString(json()).replace("\"lr\":0.01", "\"lr\":-1.0");
    Files.writeString(json(), edited);
    assertRefusal(new Adam(twoGroups(params()), Map.of()), "group body: Adam lr must be");
  }

  // Issue 25, item 4.

  /** A saved Adam state whose tensors file is rewritten by {@code edit} (same save_id). */
  private void savedWithTensors(java.util.function.Consumer<Map<String, TensorRef>> edit) throws IOException {
    List<Parameter> p = params();
    Adam saved = new Adam(twoGroups(p), Map.of());
    steps(saved, p, 0, 2);
    TorchOptimizerState.save(saved, tensors(), json());
    Map<String, TensorRef> all = new LinkedHashMap<>();
    Map<String, String> metadata;
    try (dev.anneal.safetensors.SafetensorsFile file = dev.anneal.safetensors.SafetensorsFile.open(tensors())) {
      metadata = file.metadata();
      for (var e : file.entries().values()) {
        all.put(e.name(), TensorRef.of(e.shape(), file.readFloats(e.name())));
      }
    }
    edit.accept(all);
    SafetensorsWriter.write(tensors(), all, metadata);
  }

  @Test
  void aStepOfMinusOneOrNanIsRefusedNotTurnedIntoNanWeights() throws IOException {
    for (float step : new float[] {-1, Float.NaN, 1.5f}) {
      savedWithTensors(all -> all.put("state.0.step", TensorRef.of(new int[0], new float[] {step})));
      List<Parameter> p = params();
      Adam target = new Adam(twoGroups(p), Map.of());
      String message = assertRefusal(target, "state scalar step of parameter fc.weight is " + (double) step);
      assertTrue(message.contains("a count of steps is a whole number"), message);
      assertTrue(target.stateDict().state().isEmpty(), "nothing was loaded");
    }
  }

  @Test
  void aHugeParameterIndexIsRefusedCleanly() throws IOException {
    savedWithTensors(all -> all.put("state.99999999999.exp_avg", TensorRef.of(new int[] {1}, new float[1])));
    assertRefusal(new Adam(twoGroups(params()), Map.of()),
        "tensor state.99999999999.exp_avg is for parameter 99999999999, which no group holds");
  }

  @Test
  void aJsonFileThatIsNotUtf8IsRefusedWithItsName() throws IOException {
    savedWithTensors(all -> { });
    Files.write(json(), new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'});
    IOException e = assertThrows(IOException.class,
        () -> TorchOptimizerState.load(new Adam(twoGroups(params()), Map.of()), tensors(), json()));
    assertEquals(json() + " is not UTF-8 text, so not the JSON half of an optimizer state", e.getMessage());
  }

  @Test
  void anotherFormatVersionIsRefused() throws IOException {
    savedWithTensors(all -> { });
    Files.writeString(json(), Files.readString(json()).replace("\"version\":1", "\"version\":99"));
    assertRefusal(new Adam(twoGroups(params()), Map.of()), "its format version is 99; this Anneal reads version 1");
  }

  /** Found by OptimizerStateFuzzTest: a tuple given as a number crashed, and a value no group holds was a half-load. */
  @Test
  void aWrongKindOfValueIsRefusedWholeNotCrashedOrHalfLoaded() throws IOException {
    savedWithTensors(all -> { });
    String original = Files.readString(json());
    Files.writeString(json(), original.replaceFirst("\"betas\":\\[0.9,0.999\\]", "\"betas\":-1"));
    assertRefusal(new Adam(twoGroups(params()), Map.of()), "Adam betas must be a tuple");
    Files.writeString(json(), original.replace("\"lr\":0.1,", "\"lr\":0.2,").replaceFirst("\"param_names\"", "\"other_names\""));
    Adam target = new Adam(twoGroups(params()), Map.of());
    assertRefusal(target, "other_names is [fc.weight], which a parameter group cannot hold");
    assertEquals(0.1, target.paramGroups().get(1).lr(), "nothing was changed");
  }

  private String assertRefusal(Optimizer optimizer, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TorchOptimizerState.load(optimizer, tensors(), json()));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith("cannot load the PyTorch optimizer state of "), e.getMessage());
    return e.getMessage();
  }
}
