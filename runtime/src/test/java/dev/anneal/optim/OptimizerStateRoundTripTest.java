package dev.anneal.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anneal.param.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For every fixture case (so every optimizer and option): step k times, export, import into a
 * fresh optimizer over copies of the parameters, and continue; the result must equal the
 * uninterrupted run bit for bit.
 */
class OptimizerStateRoundTripTest {

  @TestFactory
  Stream<DynamicTest> resumedRunEqualsUninterruptedRun() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : OptimizerFixtures.files()) {
      for (JsonNode c : OptimizerFixtures.cases(file)) {
        tests.add(DynamicTest.dynamicTest(file.getFileName() + " " + c.get("name").asText(), () -> roundTrip(c)));
      }
    }
    return tests.stream();
  }

  private static void roundTrip(JsonNode c) {
    int steps = OptimizerFixtures.steps(c);
    int split = Math.max(1, steps / 2);

    List<Parameter> straight = OptimizerFixtures.parameters(c, HostStorage.HEAP);
    Optimizer uninterrupted = OptimizerFixtures.optimizer(c, straight);
    for (int s = 0; s < steps; s++) {
      OptimizerFixtures.step(c, s, uninterrupted, straight, HostStorage.HEAP);
    }

    List<Parameter> first = OptimizerFixtures.parameters(c, HostStorage.HEAP);
    Optimizer before = OptimizerFixtures.optimizer(c, first);
    for (int s = 0; s < split; s++) {
      OptimizerFixtures.step(c, s, before, first, HostStorage.HEAP);
    }
    OptimizerState exported = before.stateDict();

    List<Parameter> resumedParams = OptimizerFixtures.parameters(c, HostStorage.DIRECT);
    for (int p = 0; p < first.size(); p++) {
      resumedParams.get(p).values().copyFrom(first.get(p).values().toArray());
    }
    Optimizer resumed = OptimizerFixtures.optimizer(c, resumedParams);
    resumed.loadStateDict(exported);
    // The export is a snapshot: stepping the original further must not change it.
    OptimizerFixtures.step(c, split, before, first, HostStorage.HEAP);
    for (int s = split; s < steps; s++) {
      OptimizerFixtures.step(c, s, resumed, resumedParams, HostStorage.DIRECT);
    }
    for (int p = 0; p < straight.size(); p++) {
      assertArrayEquals(straight.get(p).values().toArray(), resumedParams.get(p).values().toArray(),
          "parameter " + straight.get(p).name() + " after resuming at step " + split);
    }
  }

  @Test
  void stateOfAnotherOptimizerTypeIsRefusedWhole() {
    Parameter p = Parameter.of("w", 1f, 2f);
    p.setGrad(dev.anneal.param.FloatStorage.wrap(new float[] {0.5f, -0.5f}));
    Optimizer adam = Optimizers.create(dev.anneal.spec.Spec.of("Adam"), List.of(new ParamGroup("g", List.of(p))));
    adam.step();
    Optimizer sgd = Optimizers.create(dev.anneal.spec.Spec.of("SGD"), List.of(new ParamGroup("g", List.of(p))));
    assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(adam.stateDict()));
  }

  @Test
  void stateWithAWronglySizedTensorIsRefusedAndLeavesTheOptimizerAsItWas() {
    Parameter p = Parameter.of("w", 1f, 2f);
    p.setGrad(dev.anneal.param.FloatStorage.wrap(new float[] {0.5f, -0.5f}));
    Optimizer adam = Optimizers.create(dev.anneal.spec.Spec.of("Adam"), List.of(new ParamGroup("g", List.of(p))));
    adam.step();
    OptimizerState good = adam.stateDict();
    OptimizerState.ParamState state = good.state().get("w");
    var tensors = state.tensors();
    tensors.put("exp_avg", new float[] {1f});
    OptimizerState bad = new OptimizerState(good.type(), good.groups(),
        java.util.Map.of("w", new OptimizerState.ParamState(tensors, state.scalars())));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> adam.loadStateDict(bad));
    assertFalse(error.getMessage().isBlank());
    assertArrayEquals(good.state().get("w").tensors().get("exp_avg"), adam.stateDict().state().get("w").tensors().get("exp_avg"));
  }
}
