package dev.anneal.samples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.Accumulation;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.StepReport;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every recipe trace of {@code conformance/recipes} (schema: that folder's README.md):
 * the recipe's plan, built by the {@link PlanFactory} the case names, is driven through the case's
 * epochs and micro-batches, and at every optimizer step each parameter's lr, momentum or beta1,
 * weight decay and frozen flag must be the reference's.
 */
class RecipeConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  List<DynamicTest> everyCase() throws IOException, URISyntaxException {
    Path folder = Path.of(RecipeConformanceTest.class.getResource("/conformance/recipes").toURI());
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (RecipeCase c : JSON.readValue(file.toFile(), new TypeReference<List<RecipeCase>>() {})) {
          tests.add(DynamicTest.dynamicTest(file.getFileName() + " / " + c.name(), () -> replay(c)));
        }
      }
    }
    return tests;
  }

  private static void replay(RecipeCase c) {
    try (PlanFactory factory = PlanFactory.named(c.recipe())) {
      TrainingPlan plan = factory.plan(c.batchesPerEpoch());
      if (plan.accumulate() > 1) {
        plan = factory.plan(Accumulation.stepsPerEpoch(c.batchesPerEpoch(), plan.accumulate()));
      }
      List<float[][]> averaged = new ArrayList<>();
      if (c.ema() != null) {
        TrainingPlan running = plan;
        if (running.averagedModel().isEmpty()) {
          fail(c.name() + ": the case has EMA weights but the plan keeps no average (declare @Ema)");
        }
        // the averaged weights right after each optimizer step, read where the plan keeps them
        running.addListener(new PlanListener() {
          @Override
          public void onStep(StepReport report) {
            float[][] now = new float[c.parameters().size()][];
            for (int i = 0; i < now.length; i++) {
              now[i] = running.averagedModel().orElseThrow().averaged(c.parameters().get(i));
            }
            averaged.add(now);
          }
        });
      }
      List<Observed> observed = drive(plan, c);
      compare(c, observed);
      if (c.ema() != null) {
        compareEma(c, averaged);
      }
    }
  }

  /** What the runner saw at one optimizer step, per parameter in the case's order. */
  private record Observed(int epoch, double[] lr, double[] momentum, double[] weightDecay, boolean[] frozen) {}

  private static List<Observed> drive(TrainingPlan plan, RecipeCase c) {
    List<Parameter> parameters = new ArrayList<>();
    List<String> groupOf = new ArrayList<>();
    Map<String, String> groups = groupsByParameter(plan);
    Map<String, Parameter> byName = new HashMap<>();
    for (Parameter p : plan.parameters()) {
      byName.put(p.name(), p);
    }
    for (String name : c.parameters()) {
      Parameter p = byName.get(name);
      assertNotNull(p, c.name() + ": the plan has no parameter " + name + "; it has " + byName.keySet());
      parameters.add(p);
      groupOf.add(groups.get(name));
    }
    if (c.initial() != null) {
      for (int i = 0; i < parameters.size(); i++) {
        parameters.get(i).values().copyFrom(toFloats(c.initial().get(i)));
      }
    }
    List<Observed> observed = new ArrayList<>();
    plan.addListener(new PlanListener() {
      @Override
      public void onStep(StepReport report) {
        int n = parameters.size();
        double[] lr = new double[n];
        double[] momentum = new double[n];
        double[] decay = new double[n];
        boolean[] frozen = new boolean[n];
        for (int i = 0; i < n; i++) {
          String group = groupOf.get(i);
          lr[i] = report.lr(group);
          momentum[i] = report.momentum(group);
          ParamGroup g = plan.group(group);
          decay[i] = g.has(ParamGroup.WEIGHT_DECAY) ? g.getDouble(ParamGroup.WEIGHT_DECAY) : 0.0;
          frozen[i] = plan.isFrozen(parameters.get(i)); // per parameter: a group frozen with trainNorm trains its norm layers
        }
        observed.add(new Observed(report.epoch(), lr, momentum, decay, frozen));
      }
    });
    int microBatch = 0;
    for (int epoch = 0; epoch < c.epochs(); epoch++) {
      plan.startEpoch();
      for (int batch = 0; batch < c.batchesPerEpoch(); batch++, microBatch++) {
        for (int i = 0; i < parameters.size(); i++) {
          Parameter p = parameters.get(i);
          if (!p.requiresGrad()) {
            continue; // autograd gives a frozen parameter no gradient
          }
          FloatStorage grad = p.gradOrZeros();
          if (c.grads() != null) {
            float[] add = toFloats(c.grads().get(microBatch).get(i));
            for (int k = 0; k < add.length; k++) {
              grad.set(k, grad.get(k) + add[k]);
            }
          }
        }
        plan.afterBackward();
      }
      plan.finishEpochSteps();
      plan.endEpoch(metricsOf(c, epoch));
    }
    return observed;
  }

  private static Map<String, String> groupsByParameter(TrainingPlan plan) {
    Map<String, String> groups = new HashMap<>();
    for (ParamGroup group : plan.groups()) {
      for (Parameter p : group.params()) {
        groups.put(p.name(), group.name());
      }
    }
    return groups;
  }

  private static Map<String, Double> metricsOf(RecipeCase c, int epoch) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    if (c.metrics() != null) {
      c.metrics().forEach((name, values) -> metrics.put(name, values.get(epoch)));
    }
    return metrics;
  }

  private static void compare(RecipeCase c, List<Observed> observed) {
    assertEquals(c.trace().size(), observed.size(), c.name() + ": optimizer steps");
    for (int step = 0; step < observed.size(); step++) {
      TraceStep want = c.trace().get(step);
      Observed got = observed.get(step);
      String where = c.name() + ", step " + step;
      assertEquals(want.epoch(), got.epoch(), where + ": epoch");
      for (int i = 0; i < c.parameters().size(); i++) {
        String at = where + ", " + c.parameters().get(i);
        if (want.frozen().get(i) != got.frozen()[i]) {
          fail(at + ": frozen " + got.frozen()[i] + ", the reference " + want.frozen().get(i));
        }
        if (want.weightDecay().get(i) != got.weightDecay()[i]) {
          fail(at + ": weight_decay " + got.weightDecay()[i] + ", the reference " + want.weightDecay().get(i));
        }
        if (got.frozen()[i]) {
          continue; // a frozen parameter's lr is not used
        }
        close(at + ": lr", want.lr().get(i), got.lr()[i]);
        List<Double> momentum = want.momentum() != null ? want.momentum() : want.beta1();
        if (momentum != null) {
          close(at + (want.momentum() != null ? ": momentum" : ": beta1"), momentum.get(i), got.momentum()[i]);
        }
      }
    }
  }

  private static void compareEma(RecipeCase c, List<float[][]> averaged) {
    assertEquals(c.ema().size(), averaged.size(), c.name() + ": EMA snapshots");
    for (int step = 0; step < averaged.size(); step++) {
      for (int i = 0; i < c.parameters().size(); i++) {
        List<Double> want = c.ema().get(step).get(i);
        float[] got = averaged.get(step)[i];
        assertEquals(want.size(), got.length, c.name() + ", step " + step + ", " + c.parameters().get(i) + ": EMA values");
        for (int k = 0; k < got.length; k++) {
          if (!(Math.abs(got[k] - want.get(k)) <= 1e-6 + 1e-5 * Math.abs(want.get(k)))) {
            fail(c.name() + ", step " + step + ", " + c.parameters().get(i) + "[" + k + "]: EMA " + got[k] + ", the reference "
                + want.get(k));
          }
        }
      }
    }
  }

  private static void close(String what, double want, double got) {
    if (!(Math.abs(got - want) <= 1e-12 * Math.abs(want) + 1e-300)) {
      fail(what + " " + got + ", the reference " + want + " (relative error " + Math.abs(got - want) / Math.abs(want) + ")");
    }
  }

  private static float[] toFloats(List<Double> values) {
    float[] floats = new float[values.size()];
    for (int i = 0; i < floats.length; i++) {
      floats[i] = values.get(i).floatValue();
    }
    return floats;
  }
}
