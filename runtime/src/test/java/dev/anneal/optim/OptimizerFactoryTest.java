package dev.anneal.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.optim.kernel.Passes;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OptimizerFactoryTest {

  @Test
  void knowsEveryTypeNamedInTheContract() {
    List<String> contract = List.of("SGD", "Adam", "AdamW", "Adagrad", "RMSprop", "Adadelta", "Adamax", "NAdam", "RAdam",
        "Rprop", "ASGD", "LBFGS", "LAMB", "LARS", "LayerAdaptiveAdam");
    for (String type : contract) {
      Optimizer optimizer = Optimizers.create(Spec.of(type), List.of(new ParamGroup("g", List.of(Parameter.of("w", 1f)))));
      assertEquals(type, optimizer.type());
    }
    assertTrue(Optimizers.types().containsAll(contract));
  }

  @Test
  void unknownTypeAndUnknownKeywordAreRefusedWithTheName() {
    List<ParamGroup> groups = List.of(new ParamGroup("g", List.of(Parameter.of("w", 1f))));
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> Optimizers.create(Spec.of("Adamm"), groups));
    assertTrue(type.getMessage().contains("Adamm"), type.getMessage());
    IllegalArgumentException kwarg = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.create(Spec.of("Adam").with("momentum", 0.9), groups));
    assertTrue(kwarg.getMessage().contains("momentum"), kwarg.getMessage());
  }

  @Test
  void integerHyperparametersAreAcceptedAsNumbers() {
    Parameter w = Parameter.of("w", 1f);
    Optimizer sgd = Optimizers.create(Spec.of("SGD").with("lr", 1), List.of(new ParamGroup("g", List.of(w))));
    w.setGrad(FloatStorage.wrap(new float[] {0.25f}));
    sgd.step();
    assertEquals(0.75f, w.values().get(0));
  }

  @Test
  void betasOutOfRangeAreRefusedNamingTheGroup() {
    ParamGroup group = new ParamGroup("head", List.of(Parameter.of("w", 1f))).with("betas", new double[] {0.9, 1.0});
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.create(Spec.of("Adam"), List.of(group)));
    assertTrue(error.getMessage().contains("head"), error.getMessage());
  }

  @Test
  void muonRefusesParametersThatAreNotMatricesNamingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.create(Spec.of("Muon"), List.of(new ParamGroup("g", List.of(Parameter.of("bias", 1f, 2f))))));
    assertTrue(e.getMessage().startsWith("Muon only supports 2D parameters whereas parameter bias"), e.getMessage());
  }

  @Test
  void lbfgsNeedsAClosureAndOneGroup() {
    Parameter w = Parameter.of("w", 1f);
    Optimizer lbfgs = Optimizers.create(Spec.of("LBFGS"), List.of(new ParamGroup("g", List.of(w))));
    assertThrows(IllegalStateException.class, lbfgs::step);
    assertThrows(IllegalArgumentException.class,
        () -> lbfgs.addParamGroup(new ParamGroup("h", List.of(Parameter.of("v", 1f)))));
  }

  /** A large tensor goes through the worker pool; each element must still get exactly the serial result. */
  @Test
  void splitAcrossThreadsGivesTheSameBitsAsSmallTensors() {
    int n = Passes.parallelThreshold() * 3 + 17;
    Random random = new Random(7);
    float[] init = new float[n];
    float[][] grads = new float[3][n];
    for (int i = 0; i < n; i++) {
      init[i] = (float) random.nextGaussian();
      for (float[] g : grads) {
        g[i] = (float) random.nextGaussian();
      }
    }
    for (boolean direct : new boolean[] {false, true}) {
      Parameter big = new Parameter("big", new int[] {n}, storage(init, 0, n, direct));
      List<Parameter> small = new ArrayList<>();
      int chunk = 1000;
      for (int from = 0; from < n; from += chunk) {
        int len = Math.min(chunk, n - from);
        small.add(new Parameter("s" + from, new int[] {len}, storage(init, from, len, direct)));
      }
      Spec spec = Spec.of("AdamW").with("lr", 0.01).with("amsgrad", true);
      Optimizer one = Optimizers.create(spec, List.of(new ParamGroup("g", List.of(big))));
      Optimizer many = Optimizers.create(spec, List.of(new ParamGroup("g", small)));
      for (float[] g : grads) {
        big.setGrad(storage(g, 0, n, direct));
        for (Parameter p : small) {
          int from = Integer.parseInt(p.name().substring(1));
          p.setGrad(storage(g, from, p.size(), direct));
        }
        one.step();
        many.step();
      }
      float[] joined = new float[n];
      for (Parameter p : small) {
        System.arraycopy(p.values().toArray(), 0, joined, Integer.parseInt(p.name().substring(1)), p.size());
      }
      assertArrayEquals(joined, big.values().toArray(), direct ? "direct" : "heap");
    }
  }

  private static FloatStorage storage(float[] source, int from, int len, boolean direct) {
    float[] values = java.util.Arrays.copyOfRange(source, from, from + len);
    FloatStorage storage = direct ? FloatStorage.direct(len) : FloatStorage.heap(len);
    storage.copyFrom(values);
    return storage;
  }
}
