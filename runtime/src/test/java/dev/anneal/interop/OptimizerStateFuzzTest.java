package dev.anneal.interop;

import dev.anneal.checkpoint.Json;
import dev.anneal.checkpoint.TensorRef;
import dev.anneal.fuzz.FuzzTally;
import dev.anneal.fuzz.FuzzTally.Verdict;
import dev.anneal.optim.Adam;
import dev.anneal.optim.OptimizerState;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.safetensors.SafetensorsFile;
import dev.anneal.safetensors.SafetensorsWriter;
import dev.anneal.spec.Registry;
import dev.anneal.vocabulary.Category;
import dev.anneal.vocabulary.Descriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25's optimizer-state fuzz, fixed seeds, a few seconds: an Adam state in PyTorch's
 * structure (a JSON file and a safetensors file), damaged or forged, loaded into a fresh Adam. A
 * refusal must leave the optimizer as it was; an accepted file must give state a run can produce
 * (group hyperparameters in the descriptor's ranges, whole non-negative step counts, state tensors
 * the parameters' size).
 */
class OptimizerStateFuzzTest {
  private static final long SEED = 25_004;
  private static final Descriptor ADAM = Registry.vocabulary().require(Category.OPTIMIZER, "Adam");
  @TempDir Path dir;

  private static List<Parameter> params() {
    return List.of(new Parameter("fc.weight", new int[] {2, 3}, FloatStorage.wrap(new float[] {0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f})),
        Parameter.of("fc.bias", 0.01f, -0.02f), Parameter.of("head.bias", 1f));
  }

  private static Adam adam(List<Parameter> p) {
    return new Adam(List.of(new ParamGroup("body", List.of(p.get(0))).with("lr", 0.01),
        new ParamGroup("head", List.of(p.get(1), p.get(2))).with("lr", 0.1)), Map.of());
  }

  private static String describe(OptimizerState state) {
    StringBuilder out = new StringBuilder();
    state.groups().forEach(g -> g.forEach((k, v) -> out.append(k).append('=')
        .append(v instanceof double[] d ? Arrays.toString(d) : String.valueOf(v)).append(' ')));
    state.state().forEach((name, s) -> {
      out.append(name).append(s.scalars());
      s.tensors().forEach((k, v) -> out.append(k).append(Arrays.toString(v)));
    });
    return out.toString();
  }

  private static boolean producible(OptimizerState state, List<Parameter> params) {
    for (Map<String, Object> group : state.groups()) {
      for (Map.Entry<String, Object> e : group.entrySet()) {
        Object value = e.getValue() instanceof double[] d ? Arrays.stream(d).boxed().toList() : e.getValue();
        if (ADAM.argument(e.getKey()).isPresent() && ADAM.checkOne(e.getKey(), value) != null) {
          return false;
        }
      }
    }
    for (Parameter p : params) {
      OptimizerState.ParamState s = state.state().get(p.name());
      if (s == null) {
        continue;
      }
      Double step = s.scalars().get("step");
      if (step == null || !(step >= 0 && step == Math.rint(step))) {
        return false;
      }
      for (float[] t : s.tensors().values()) {
        if (t.length != p.size()) {
          return false;
        }
      }
    }
    return true;
  }

  @Test
  @SuppressWarnings("unchecked")
  void damagedAndForgedStateIsRefusedWholeOrLoadsWhatARunCanProduce() throws Exception {
    Path tensors = dir.resolve("optimizer.safetensors");
    Path json = dir.resolve("optimizer.json");
    List<Parameter> trainedParams = params();
    Adam trained = adam(trainedParams);
    for (int t = 0; t < 3; t++) {
      for (Parameter p : trainedParams.subList(0, 2)) {
        float[] g = new float[p.size()];
        Arrays.fill(g, (float) Math.sin(t + p.size()));
        p.setGrad(FloatStorage.wrap(g));
      }
      trained.step();
    }
    TorchOptimizerState.save(trained, tensors, json);
    byte[] jsonBytes = Files.readAllBytes(json);
    byte[] tensorBytes = Files.readAllBytes(tensors);
    Map<String, TensorRef> savedTensors = new LinkedHashMap<>();
    Map<String, String> metadata;
    try (SafetensorsFile file = SafetensorsFile.open(tensors)) {
      metadata = file.metadata();
      for (SafetensorsFile.Entry e : file.entries().values()) {
        savedTensors.put(e.name(), TensorRef.of(e.shape(), file.readFloats(e.name())));
      }
    }
    Random random = new Random(SEED);
    FuzzTally tally = new FuzzTally("optimizer state (TorchOptimizerState)", 10_000);
    for (int i = 0; i < 400; i++) {
      Files.write(json, jsonBytes);
      Files.write(tensors, tensorBytes);
      String what;
      switch (random.nextInt(4)) {
        case 0 -> {
          byte[] damaged = damage(jsonBytes, random);
          Files.write(json, damaged);
          what = "json " + new String(damaged, StandardCharsets.ISO_8859_1);
        }
        case 1 -> {
          Map<String, Object> rest = Json.readObject(new String(jsonBytes, StandardCharsets.UTF_8));
          what = "json " + forgeValue(rest, random);
          Files.writeString(json, Json.write(rest));
        }
        case 2 -> {
          Map<String, TensorRef> forged = new LinkedHashMap<>(savedTensors);
          what = "tensors " + forgeTensors(forged, random);
          SafetensorsWriter.write(tensors, forged, metadata);
        }
        default -> {
          byte[] damaged = damage(tensorBytes, random);
          Files.write(tensors, damaged);
          what = "tensor bytes damaged";
        }
      }
      tally.run(what, () -> {
        List<Parameter> p = params();
        Adam target = adam(p);
        String before = describe(target.stateDict());
        try {
          TorchOptimizerState.load(target, tensors, json);
        } catch (RuntimeException | java.io.IOException refused) {
          if (!describe(target.stateDict()).equals(before)) {
            return Verdict.WRONG; // half-loaded
          }
          throw refused;
        }
        return producible(target.stateDict(), p) ? Verdict.RIGHT : Verdict.WRONG;
      });
    }
    tally.report();
  }

  private static byte[] damage(byte[] bytes, Random random) {
    byte[] out = bytes.clone();
    switch (random.nextInt(3)) {
      case 0 -> {
        return Arrays.copyOf(out, random.nextInt(out.length));
      }
      case 1 -> {
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      default -> out[random.nextInt(out.length)] = (byte) 0xff;
    }
    return out;
  }

  private static final Object[] HOSTILE = {Double.NaN, -1, -5, 0, 2.5, 1e308, Long.MAX_VALUE, "x", null, true, List.of(),
      Map.of(), List.of(2.0, -1.0), List.of(0.9), List.of(0, 0), List.of(99999999999L), 99, 3};

  @SuppressWarnings("unchecked")
  private static String forgeValue(Map<String, Object> root, Random random) {
    List<Object[]> places = new ArrayList<>();
    collect(root, "", places);
    Object[] place = places.get(random.nextInt(places.size()));
    Object value = HOSTILE[random.nextInt(HOSTILE.length)];
    if (place[0] instanceof Map<?, ?> map) {
      if (random.nextInt(8) == 0) {
        ((Map<String, Object>) map).remove((String) place[1]);
        return "removed " + place[2];
      }
      ((Map<String, Object>) map).put((String) place[1], value);
    } else {
      ((List<Object>) place[0]).set((Integer) place[1], value);
    }
    return place[2] + " = " + value;
  }

  private static void collect(Object node, String path, List<Object[]> places) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : new ArrayList<>(map.entrySet())) {
        places.add(new Object[] {map, e.getKey(), path + "." + e.getKey()});
        collect(e.getValue(), path + "." + e.getKey(), places);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        places.add(new Object[] {list, i, path + "[" + i + "]"});
        collect(list.get(i), path + "[" + i + "]", places);
      }
    }
  }

  private static String forgeTensors(Map<String, TensorRef> tensors, Random random) {
    List<String> names = new ArrayList<>(tensors.keySet());
    String name = names.get(random.nextInt(names.size()));
    float[] hostile = {Float.NaN, -1, 1e30f, 0.5f, Float.POSITIVE_INFINITY, 16777217f};
    switch (random.nextInt(5)) {
      case 0 -> {
        TensorRef t = tensors.get(name);
        float[] values = t.values().toArray();
        if (values.length > 0) {
          values[random.nextInt(values.length)] = hostile[random.nextInt(hostile.length)];
        }
        tensors.put(name, TensorRef.of(t.shape(), values));
        return name + " " + Arrays.toString(values);
      }
      case 1 -> {
        String[] keys = {"state.99999999999.exp_avg", "state.2.exp_avg", "state.-1.step", "state.0.momentum_buffer", "state.0",
            "state.0.exp_avg.x", "state.00.step", "state.1.max_exp_avg_sq"};
        String key = keys[random.nextInt(keys.length)];
        tensors.put(key, TensorRef.of(new int[] {1}, new float[] {1}));
        return "added " + key;
      }
      case 2 -> {
        tensors.remove(name);
        return "removed " + name;
      }
      case 3 -> {
        int size = random.nextInt(8);
        tensors.put(name, TensorRef.of(new int[] {size}, new float[size]));
        return name + " of " + size + " values";
      }
      default -> {
        Collections.shuffle(names, random);
        Map<String, TensorRef> reordered = new LinkedHashMap<>();
        names.forEach(n -> reordered.put(n, tensors.get(n)));
        tensors.clear();
        tensors.putAll(reordered);
        return "reordered";
      }
    }
  }
}
