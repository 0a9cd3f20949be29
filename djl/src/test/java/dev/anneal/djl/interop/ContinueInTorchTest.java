package dev.anneal.djl.interop;

import dev.anneal.djl.EngineTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.anneal.checkpoint.TensorRef;
import dev.anneal.djl.BlockParameters;
import dev.anneal.interop.TorchOptimizerState;
import dev.anneal.optim.Adam;
import dev.anneal.optim.AdamW;
import dev.anneal.optim.Optimizer;
import dev.anneal.optim.ParamGroup;
import dev.anneal.optim.Sgd;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.safetensors.SafetensorsFile;
import dev.anneal.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Optimizer state moves between Anneal and {@code torch.optim} and the run goes on as if it had not
 * moved. Forward: Anneal trains a DJL block for {@value #BEFORE} steps, exports parameters and
 * optimizer state ({@link TorchOptimizerState}), and both Anneal and
 * {@code src/test/python/continue_in_torch.py} (torch.optim after {@code load_state_dict}) take the
 * same {@value #AFTER} steps with the same gradients. Reverse: torch takes the first
 * {@value #BEFORE} steps and exports its own {@code optimizer.state_dict()}, Anneal imports it and
 * both take the rest. The parameters must then agree to {@value #ULPS} float ulps (of the larger
 * magnitude), not bit for bit: Anneal's fused kernels round in PyTorch 2.x's order
 * ({@code exp_avg.lerp_}, one fused expression per element), Debian's PyTorch 1.13 in its own
 * ({@code mul_(beta1).add_}, one rounding per tensor operation), so the last bits can differ per
 * step (at most 4 ulps seen here); a run whose state did not arrive (the script without
 * {@code load_state_dict}) is 10^5 ulps off and more.
 *
 * <p>Needs {@code /usr/bin/python3} with torch (Debian's {@code python3-torch}, which {@code .ci/run}
 * installs); skipped, saying so, where it is missing.
 */
class ContinueInTorchTest extends EngineTest {
  static final int BEFORE = 3;
  static final int AFTER = 5;
  static final int ULPS = 8;

  @TempDir Path dir;

  @BeforeAll
  static void requireTorch() throws InterruptedException {
    TorchPython.assumeInstalled();
  }


  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("Adam", (Function<List<ParamGroup>, Optimizer>) g -> new Adam(g, Map.of("betas", List.of(0.8, 0.99)))),
        Arguments.of("Adam amsgrad", (Function<List<ParamGroup>, Optimizer>) g -> new Adam(g, Map.of("amsgrad", true))),
        Arguments.of("AdamW", (Function<List<ParamGroup>, Optimizer>) g -> new AdamW(g, Map.of("eps", 1e-6))),
        Arguments.of("SGD momentum nesterov", (Function<List<ParamGroup>, Optimizer>) g -> new Sgd(g,
            Map.of("momentum", 0.9, "nesterov", true))),
        Arguments.of("SGD momentum dampening", (Function<List<ParamGroup>, Optimizer>) g -> new Sgd(g,
            Map.of("momentum", 0.5, "dampening", 0.25))));
  }

  /** A DJL MLP, Linear(4) then Linear(3) on 5 inputs, with fixed weights, bound as Anneal parameters. */
  private BlockParameters model() {
    Block block = new SequentialBlock().add(Linear.builder().setUnits(4).build()).add(Linear.builder().setUnits(3).build());
    block.initialize(manager, DataType.FLOAT32, new Shape(1, 5));
    BlockParameters params = BlockParameters.of("net", block);
    int i = 0;
    for (Parameter p : params.parameters()) {
      float[] v = new float[p.size()];
      for (int k = 0; k < v.length; k++) {
        v[k] = (float) (0.5 * Math.cos(0.9 * k + 2.1 * i));
      }
      p.values().copyFrom(v);
      i++;
    }
    params.pushToEngine();
    return params;
  }

  /** Two groups: the first layer at lr 1e-2, the second at 5e-2 with weight decay 0.1. */
  private static List<ParamGroup> groups(BlockParameters params) {
    List<Parameter> p = params.parameters();
    return List.of(new ParamGroup("body", p.subList(0, 2)).with("lr", 1e-2),
        new ParamGroup("head", p.subList(2, 4)).with("lr", 5e-2).with("weight_decay", 0.1));
  }

  /** The gradient of parameter {@code index} at step {@code step}: the same on both sides, of varied scale. */
  private static float[] gradient(int step, int index, int size) {
    float[] g = new float[size];
    double scale = Math.pow(10, (step + index) % 4 - 2);
    for (int k = 0; k < size; k++) {
      g[k] = (float) (scale * Math.sin(1.3 * step + 0.7 * k + index));
    }
    return g;
  }

  private static void steps(Optimizer optimizer, List<Parameter> params, int from, int to) {
    for (int t = from; t < to; t++) {
      for (int i = 0; i < params.size(); i++) {
        params.get(i).setGrad(FloatStorage.wrap(gradient(t, i, params.get(i).size())));
      }
      optimizer.step();
    }
  }

  /** Steps {@code from..to-1} as the script reads them: keyed {@code <step - from>.<index>}. */
  private Path gradients(List<Parameter> params, int from, int to) throws IOException {
    Map<String, TensorRef> out = new LinkedHashMap<>();
    for (int t = from; t < to; t++) {
      for (int i = 0; i < params.size(); i++) {
        out.put((t - from) + "." + i, TensorRef.of(params.get(i).shape(), gradient(t, i, params.get(i).size())));
      }
    }
    Path file = dir.resolve("grads.safetensors");
    SafetensorsWriter.write(file, out);
    return file;
  }

  private Path saveParams(List<Parameter> params, String name) throws IOException {
    Map<String, TensorRef> out = new LinkedHashMap<>();
    params.forEach(p -> out.put(p.name(), new TensorRef(p.shape(), p.values())));
    Path file = dir.resolve(name);
    SafetensorsWriter.write(file, out);
    return file;
  }

  private static void runScript(String... args) throws IOException, InterruptedException {
    TorchPython.run("continue_in_torch.py", args);
  }

  /** Every parameter within {@value #ULPS} ulps of torch's. */
  private static void assertClose(String label, List<Parameter> params, Path torchParams) throws IOException {
    try (SafetensorsFile torch = SafetensorsFile.open(torchParams)) {
      for (Parameter p : params) {
        float[] expected = torch.readFloats(p.name());
        float[] actual = p.values().toArray();
        for (int k = 0; k < actual.length; k++) {
          float ulp = Math.ulp(Math.max(Math.abs(expected[k]), Math.abs(actual[k])));
          float distance = Math.abs(expected[k] - actual[k]) / ulp;
          assertTrue(distance <= ULPS, label + ": " + p.name() + "[" + k + "] is " + actual[k] + " in Anneal, " + expected[k]
              + " in torch (" + distance + " ulps apart)");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void anExportedRunContinuesInTorchAsInAnneal(String label, Function<List<ParamGroup>, Optimizer> make) throws Exception {
    BlockParameters model = model();
    List<Parameter> params = model.parameters();
    Optimizer optimizer = make.apply(groups(model));
    steps(optimizer, params, 0, BEFORE);
    Path exportedParams = saveParams(params, "params.safetensors");
    TorchOptimizerState.save(optimizer, dir.resolve("state.safetensors"), dir.resolve("state.json"));
    Path grads = gradients(params, BEFORE, BEFORE + AFTER);

    steps(optimizer, params, BEFORE, BEFORE + AFTER);
    Path out = dir.resolve("torch-out.safetensors");
    runScript(exportedParams.toString(), dir.resolve("state.json").toString(), dir.resolve("state.safetensors").toString(),
        grads.toString(), out.toString());
    assertClose(label, params, out);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void torchsOwnStateContinuesInAnnealAsInTorch(String label, Function<List<ParamGroup>, Optimizer> make) throws Exception {
    BlockParameters start = model();
    Optimizer fresh = make.apply(groups(start));
    Path startParams = saveParams(start.parameters(), "start.safetensors");
    TorchOptimizerState.save(fresh, dir.resolve("empty.safetensors"), dir.resolve("empty.json")); // groups, no state yet
    Path grads = gradients(start.parameters(), 0, BEFORE + AFTER);
    Path out = dir.resolve("torch-out.safetensors");
    Path torchParams = dir.resolve("torch-params.safetensors");
    runScript(startParams.toString(), dir.resolve("empty.json").toString(), dir.resolve("empty.safetensors").toString(),
        grads.toString(), out.toString(), "--export-after", Integer.toString(BEFORE), torchParams.toString(),
        dir.resolve("torch.json").toString(), dir.resolve("torch.safetensors").toString());

    BlockParameters model = model();
    List<Parameter> params = model.parameters();
    try (SafetensorsFile in = SafetensorsFile.open(torchParams)) {
      for (Parameter p : params) {
        p.values().copyFrom(in.readFloats(p.name()));
      }
    }
    model.pushToEngine();
    Optimizer optimizer = make.apply(groups(model));
    TorchOptimizerState.load(optimizer, dir.resolve("torch.safetensors"), dir.resolve("torch.json"));
    assertEquals(BEFORE, optimizer.type().equals("SGD") ? BEFORE
        : optimizer.stateDict().state().get("net.0.weight").scalars().get("step").intValue(), "torch's step count came in");
    steps(optimizer, params, BEFORE, BEFORE + AFTER);
    assertClose(label, params, out);
  }
}
