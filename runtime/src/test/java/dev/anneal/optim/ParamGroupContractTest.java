package dev.anneal.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamGroupContractTest {

  @Test
  void parameterAlreadyInAnotherGroupIsRefusedNamingBothGroups() {
    Parameter shared = Parameter.of("stem.weight", 1f, 2f);
    Sgd sgd = new Sgd(List.of(new ParamGroup("stem", List.of(shared))), Map.of("lr", 0.1));

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> sgd.addParamGroup(new ParamGroup("head", List.of(Parameter.of("head.bias", 0f), shared))));

    assertTrue(error.getMessage().contains("stem.weight"), error.getMessage());
    assertTrue(error.getMessage().contains("stem"), error.getMessage());
    assertTrue(error.getMessage().contains("head"), error.getMessage());
    assertEquals(1, sgd.paramGroups().size(), "the refused group must not be half-added");
  }

  @Test
  void parameterTwiceInOneGroupIsRefused() {
    Parameter p = Parameter.of("w", 1f);
    assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(new ParamGroup("g", List.of(p, p))), Map.of()));
  }

  @Test
  void groupOverridesBeatDefaultsAndDefaultsFillTheRest() {
    ParamGroup head = new ParamGroup("head", List.of(Parameter.of("head.w", 1f))).with("lr", 0.5).with("weight_decay", 0.0);
    ParamGroup body = new ParamGroup("body", List.of(Parameter.of("body.w", 1f)));
    Sgd sgd = new Sgd(List.of(head, body), Map.of("lr", 0.1, "weight_decay", 0.01, "momentum", 0.9));

    assertEquals(0.5, head.lr());
    assertEquals(0.0, head.getDouble("weight_decay"));
    assertEquals(0.9, head.getDouble("momentum"));
    assertEquals(0.1, body.lr());
    assertEquals(0.01, body.getDouble("weight_decay"));
    assertEquals(0.1, sgd.defaults().get("lr"));
  }

  @Test
  void overridesChangeTheStep() {
    Parameter fast = Parameter.of("fast", 1f);
    Parameter slow = Parameter.of("slow", 1f);
    Sgd sgd = new Sgd(List.of(new ParamGroup("fast", List.of(fast)).with("lr", 0.5), new ParamGroup("slow", List.of(slow))),
        Map.of("lr", 0.1));
    fast.setGrad(FloatStorage.wrap(new float[] {1f}));
    slow.setGrad(FloatStorage.wrap(new float[] {1f}));

    sgd.step();

    assertEquals(0.5f, fast.values().get(0));
    assertEquals(0.9f, slow.values().get(0));
  }

  @Test
  void zeroGradToNoneLeavesNoGradient() {
    Parameter p = Parameter.of("w", 1f, 2f);
    Sgd sgd = new Sgd(List.of(new ParamGroup("g", List.of(p))), Map.of());
    p.setGrad(FloatStorage.wrap(new float[] {3f, 4f}));

    sgd.zeroGrad(true);

    assertNull(p.grad());
  }

  @Test
  void zeroGradKeepingTensorsLeavesZeros() {
    Parameter p = Parameter.of("w", 1f, 2f);
    Sgd sgd = new Sgd(List.of(new ParamGroup("g", List.of(p))), Map.of());
    p.setGrad(FloatStorage.wrap(new float[] {3f, 4f}));

    sgd.zeroGrad(false);

    assertNotNull(p.grad());
    assertArrayEquals(new float[] {0f, 0f}, p.grad().toArray());
  }

  @Test
  void parameterWithoutGradientIsSkippedAndGetsNoState() {
    Parameter p = Parameter.of("w", 1f);
    Sgd sgd = new Sgd(List.of(new ParamGroup("g", List.of(p))), Map.of("lr", 0.1, "momentum", 0.9, "weight_decay", 0.1));

    sgd.step();

    assertEquals(1f, p.values().get(0));
    assertTrue(sgd.stateDict().state().isEmpty());
  }

  @Test
  void tupleHyperparametersAreWrittenInPlace() {
    ParamGroup group = new ParamGroup("g", List.of(Parameter.of("w", 1f))).with("betas", List.of(0.9, 0.999));
    group.set("betas", 0, 0.85);
    assertArrayEquals(new double[] {0.85, 0.999}, group.getTuple("betas"));
    assertThrows(IllegalArgumentException.class, () -> group.getDouble("betas"));
    assertThrows(IllegalArgumentException.class, () -> group.getDouble("eps"));
  }

  @Test
  void stateRoundTripsIntoAFreshOptimizer() {
    Parameter p = Parameter.of("w", 1f, -1f);
    Sgd sgd = new Sgd(List.of(new ParamGroup("g", List.of(p))), Map.of("lr", 0.1, "momentum", 0.9));
    p.setGrad(FloatStorage.wrap(new float[] {0.5f, 0.25f}));
    sgd.step();
    OptimizerState saved = sgd.stateDict();
    sgd.step();
    float[] expected = p.values().toArray();

    Parameter q = Parameter.of("w", 1f, -1f);
    Sgd restored = new Sgd(List.of(new ParamGroup("g", List.of(q))), Map.of("lr", 0.7, "momentum", 0.9));
    q.values().copyFrom(new float[] {1f - 0.05f, -1f - 0.025f});
    restored.loadStateDict(saved);
    q.setGrad(FloatStorage.wrap(new float[] {0.5f, 0.25f}));
    restored.step();

    assertEquals(0.1, restored.paramGroups().get(0).lr(), "hyperparameters come back with the state");
    assertArrayEquals(expected, q.values().toArray());
  }

  @Test
  void mismatchedStateIsRefusedWhole() {
    Parameter p = Parameter.of("w", 1f, -1f);
    Sgd sgd = new Sgd(List.of(new ParamGroup("g", List.of(p))), Map.of("lr", 0.1, "momentum", 0.9));
    p.setGrad(FloatStorage.wrap(new float[] {0.5f, 0.25f}));
    sgd.step();
    OptimizerState saved = sgd.stateDict();

    Parameter other = Parameter.of("v", 1f, -1f);
    Sgd target = new Sgd(List.of(new ParamGroup("g", List.of(other))), Map.of("lr", 0.3));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> target.loadStateDict(saved));
    assertTrue(error.getMessage().contains("w"), error.getMessage());
    assertEquals(0.3, target.paramGroups().get(0).lr(), "nothing is half-loaded");
    assertFalse(target.stateDict().state().containsKey("v"));
  }
}
