package dev.anneal.djl.trainer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.djl.BlockParameters;
import dev.anneal.optim.OptimizerFixtures;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.plan.TrainingPlanBuilder;
import dev.anneal.spec.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The optimizer fixtures through the DJL adapter as DJL's {@code Trainer} drives it: the
 * engine's backward pass writes each recorded gradient, {@code onTrainingBatch}, then
 * {@code update(id, weight, grad)} once per parameter. On the CPU's views (Java kernels) and on
 * the engine path (engine operations). Cases with a parameter that has no gradient at some step
 * are left out: DJL's engine keeps a zero gradient where PyTorch has none.
 */
class DjlPlanFixtureReplayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> HOST_ONLY = Set.of("LBFGS", "Muon");
  private static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  /** A block holding the fixture's tensors as its parameters. */
  private static ArraysBlock fixtureBlock(JsonNode c) {
    JsonNode initial = c.get("initial");
    List<NDArray> arrays = new ArrayList<>();
    for (int i = 0; i < initial.size(); i++) {
      float[] values = OptimizerFixtures.floats(initial.get(i));
      arrays.add(manager.create(values, new Shape(shape(c, i, values.length))));
    }
    return new ArraysBlock(arrays);
  }

  private static long[] shape(JsonNode c, int i, int size) {
    JsonNode shapes = c.get("shapes");
    if (shapes == null || shapes.isNull()) {
      return new long[] {size};
    }
    long[] dims = new long[shapes.get(i).size()];
    for (int k = 0; k < dims.length; k++) {
      dims[k] = shapes.get(i).get(k).asLong();
    }
    return dims;
  }

  @SuppressWarnings("unchecked")
  private static TrainingPlan plan(JsonNode c, ArraysBlock block, BiFunction<String, ai.djl.nn.Block, BlockParameters> bind) {
    Map<String, Object> kwargs = new LinkedHashMap<>(JSON.convertValue(c.get("kwargs"), Map.class));
    kwargs.put("type", c.get("optimizer").asText());
    TrainingPlanBuilder builder = TrainingPlan.builder().epochs(1).stepsPerEpoch(OptimizerFixtures.steps(c))
        .optimizer(Spec.fromMap(kwargs));
    BlockParameters all = bind.apply("fixture", block);
    JsonNode groupKwargs = c.get("group_kwargs");
    if (groupKwargs == null || groupKwargs.isNull()) {
      builder.group("default", all);
    } else {
      for (int i = 0; i < block.tensors.size(); i++) {
        Map<String, Object> overrides = JSON.convertValue(groupKwargs.get(i), Map.class);
        builder.group("g" + i, all.get("fixture.p" + i), g -> overrides.forEach(g::set));
      }
    }
    return builder.build();
  }

  @TestFactory
  Stream<DynamicNode> everyFixtureThroughTheAdapter() {
    Map<String, BiFunction<String, ai.djl.nn.Block, BlockParameters>> kinds = new LinkedHashMap<>();
    kinds.put("views", BlockParameters::of);
    kinds.put("engine", BlockParameters::onEngine);
    return OptimizerFixtures.files().stream().map(file -> DynamicContainer.dynamicContainer(file.getFileName().toString(),
        OptimizerFixtures.cases(file).stream().filter(DjlPlanFixtureReplayTest::everyGradientPresent)
            .flatMap(c -> kinds.entrySet().stream().map(kind -> DynamicTest.dynamicTest(
                c.get("name").asText() + " [" + kind.getKey() + "]", () -> replay(file, c, kind.getKey(), kind.getValue()))))));
  }

  private static boolean everyGradientPresent(JsonNode c) {
    if (c.get("closure") != null && !c.get("closure").isNull()) {
      return false; // LBFGS evaluates a closure; DJL's Trainer has none
    }
    for (JsonNode row : c.get("grads")) {
      for (JsonNode g : row) {
        if (g == null || g.isNull()) {
          return false;
        }
      }
    }
    return true;
  }

  private static void replay(Path file, JsonNode c, String kind, BiFunction<String, ai.djl.nn.Block, BlockParameters> bind) {
    ArraysBlock block = fixtureBlock(c);
    DjlPlan adapter = DjlPlan.of(plan(c, block, bind));
    boolean hostOnly = HOST_ONLY.contains(c.get("optimizer").asText()) && kind.equals("engine");
    JsonNode expected = c.get("params_after_each_step");
    List<String> mismatches = new ArrayList<>();
    for (int step = 0; step < expected.size(); step++) {
      backward(block, c.get("grads").get(step));
      adapter.batchDone(block, new Device[] {Device.cpu()});
      if (hostOnly) {
        assertThrows(IllegalStateException.class, () -> updateAll(adapter, block));
        return;
      }
      updateAll(adapter, block);
      for (int p = 0; p < block.tensors.size(); p++) {
        float[] got = block.tensors.get(p).getArray().toFloatArray();
        JsonNode want = expected.get(step).get(p);
        for (int i = 0; i < want.size(); i++) {
          double w = want.get(i).asDouble();
          if (!(Math.abs(got[i] - w) <= 1e-6 + 1e-5 * Math.abs(w))) {
            mismatches.add("step " + (step + 1) + " param " + p + "[" + i + "]: expected " + w + ", got " + got[i]);
          }
        }
      }
      if (!mismatches.isEmpty()) {
        fail(file.getFileName() + " case " + c.get("name").asText() + " through DjlPlan on " + kind + ":\n  "
            + String.join("\n  ", mismatches.subList(0, Math.min(8, mismatches.size()))));
      }
    }
  }

  /** The engine's backward pass of {@code sum(p * g)}, whose gradient with respect to p is exactly g. */
  private static void backward(ArraysBlock block, JsonNode grads) {
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray loss = null;
      for (int i = 0; i < block.tensors.size(); i++) {
        NDArray p = block.tensors.get(i).getArray();
        NDArray term = p.mul(manager.create(OptimizerFixtures.floats(grads.get(i)), p.getShape())).sum();
        loss = loss == null ? term : loss.add(term);
      }
      collector.backward(loss);
    }
  }

  /** What DJL's {@code ParameterStore.updateAllParameters} does on one device. */
  private static void updateAll(DjlPlan adapter, ArraysBlock block) {
    for (Parameter p : block.tensors) {
      try (NDArray grad = p.getArray().getGradient(); NDArray aggregated = grad.duplicate()) {
        adapter.update(p.getId(), p.getArray(), aggregated);
      }
    }
  }
}
