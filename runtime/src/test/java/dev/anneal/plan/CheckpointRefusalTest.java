package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.checkpoint.CheckpointException;
import dev.anneal.optim.OptimizerState;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Parameter;
import dev.anneal.schedule.Interval;
import dev.anneal.schedule.LrScheduler;
import dev.anneal.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints that do not fit are refused with the difference named, and nothing is half-loaded. */
class CheckpointRefusalTest {
  @TempDir Path dir;

  private static TrainingPlanBuilder builder(ToyModel model, String optimizer) {
    return TrainingPlan.builder().epochs(3).stepsPerEpoch(3)
        .optimizer(CheckpointResumeTest.optimizerSpec(optimizer))
        .group("a", model.a, g -> g.set("lr", 0.02))
        .group("b", model.b)
        .group("c", model.c)
        .schedule(Spec.of("StepLR").with("step_size", 1).with("gamma", 0.5), Interval.STEP)
        .schedulers(new TestSchedulers());
  }

  /** A checkpoint after 3 steps of a plan over {@link ToyModel}, and the trained plan's model. */
  private Path trainedCheckpoint(String optimizer) throws Exception {
    ToyModel model = new ToyModel();
    TrainingPlan plan = builder(model, optimizer).build();
    ResumeHarness.run(plan, model, p -> p.clock().step() == 3);
    Path file = dir.resolve(optimizer + ".ckpt");
    plan.save(file);
    return file;
  }

  /** A plan partly trained on its own, so that a failed load has something to (not) overwrite. */
  private static TrainingPlan partlyTrained(ToyModel model, TrainingPlanBuilder builder) {
    TrainingPlan plan = builder.build();
    ResumeHarness.run(plan, model, p -> p.clock().step() == 1);
    return plan;
  }

  /** Everything a load could change, in comparable form. */
  private static List<Object> snapshot(TrainingPlan plan) {
    List<Object> all = new ArrayList<>();
    for (Parameter p : plan.parameters()) {
      all.add(p.name() + Arrays.toString(p.values().toArray()));
    }
    OptimizerState state = plan.optimizer().stateDict();
    state.state().forEach((name, s) -> {
      all.add(name + s.scalars());
      s.tensors().forEach((k, v) -> all.add(name + k + Arrays.toString(v)));
    });
    for (ParamGroup g : plan.groups()) {
      all.add(g.name() + g.lr());
    }
    all.add(plan.clock().toMap());
    plan.schedules().forEach(s -> all.add(s.scheduler().stateDict()));
    return all;
  }

  private void assertRefused(TrainingPlan plan, Path file, String... expectedInMessage) {
    List<Object> before = snapshot(plan);
    CheckpointException e = assertThrows(CheckpointException.class, () -> plan.load(file));
    for (String expected : expectedInMessage) {
      assertTrue(e.getMessage().contains(expected), "message should contain '" + expected + "': " + e.getMessage());
    }
    assertEquals(before, snapshot(plan), "a refused checkpoint must change nothing");
  }

  @Test
  void corruptAndTruncatedFilesAreRefused() throws Exception {
    Path good = trainedCheckpoint("AdamW");
    byte[] bytes = Files.readAllBytes(good);
    ToyModel model = new ToyModel();
    TrainingPlan plan = partlyTrained(model, builder(model, "AdamW"));

    Path corrupt = dir.resolve("corrupt.ckpt");
    byte[] flipped = bytes.clone();
    flipped[bytes.length - 5] ^= 0x10;
    Files.write(corrupt, flipped);
    assertRefused(plan, corrupt, "corrupt.ckpt", "checksum");

    Path truncated = dir.resolve("truncated.ckpt");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length * 2 / 3));
    assertRefused(plan, truncated, "truncated.ckpt", "truncated");

    plan.load(good); // the same plan still accepts a good file
    assertEquals(3, plan.clock().step());
  }

  @Test
  void missingAndExtraParametersAreNamed() throws Exception {
    Path file = trainedCheckpoint("Adam");
    ToyModel model = new ToyModel();
    Parameter extra = Parameter.of("d.w", 1f, 2f);
    TrainingPlan plan = partlyTrained(model, builder(model, "Adam").group("d", extra));
    assertRefused(plan, file, "missing from the checkpoint [d.w]");

    ToyModel smaller = new ToyModel();
    TrainingPlan withoutC = partlyTrained(smaller, TrainingPlan.builder().epochs(3).stepsPerEpoch(3)
        .optimizer(CheckpointResumeTest.optimizerSpec("Adam"))
        .group("a", smaller.a, g -> g.set("lr", 0.02)).group("b", smaller.b)
        .schedule(Spec.of("StepLR").with("step_size", 1).with("gamma", 0.5), Interval.STEP)
        .schedulers(new TestSchedulers()));
    assertRefused(withoutC, file, "not in the plan [c.bias]");
  }

  @Test
  void otherShapesAreNamed() throws Exception {
    Path file = trainedCheckpoint("SGD");
    ToyModel model = new ToyModel(new int[] {3, 2});
    assertRefused(partlyTrained(model, builder(model, "SGD")), file, "parameter a.w has shape [2, 3] in the checkpoint, [3, 2] in the plan");
  }

  @Test
  void anotherOptimizerOrConfigurationIsNamed() throws Exception {
    Path file = trainedCheckpoint("SGD");
    ToyModel model = new ToyModel();
    assertRefused(partlyTrained(model, builder(model, "Adam")), file, "optimizer.type: checkpoint SGD, plan Adam");

    ToyModel other = new ToyModel();
    TrainingPlan otherLr = partlyTrained(other, builder(other, "SGD").group("a2", Parameter.of("x", 1f)));
    assertRefused(otherLr, file, "x");

    ToyModel frozen = new ToyModel();
    TrainingPlan withFreeze = partlyTrained(frozen, TrainingPlan.builder().epochs(3).stepsPerEpoch(3)
        .optimizer(CheckpointResumeTest.optimizerSpec("SGD"))
        .group("a", frozen.a, g -> g.set("lr", 0.02)).group("b", frozen.b, g -> g.freezeUntilEpoch(1)).group("c", frozen.c)
        .schedule(Spec.of("StepLR").with("step_size", 1).with("gamma", 0.5), Interval.STEP)
        .schedulers(new TestSchedulers()));
    assertRefused(withFreeze, file, "groups[1].freeze");
  }

  @Test
  void aPartRefusingItsStateRollsBackTheParts() throws Exception {
    Path file = trainedCheckpoint("RMSprop");
    ToyModel model = new ToyModel();
    // Declared the same way, but this schedule refuses any state (as one of another version would).
    TrainingPlan plan = partlyTrained(model, TrainingPlan.builder().epochs(3).stepsPerEpoch(3)
        .optimizer(CheckpointResumeTest.optimizerSpec("RMSprop"))
        .group("a", model.a, g -> g.set("lr", 0.02)).group("b", model.b).group("c", model.c)
        .schedule(Spec.of("StepLR").with("step_size", 1).with("gamma", 0.5), Interval.STEP)
        .schedulers((spec, optimizer, groups) -> new Picky(new TestSchedulers().create(spec, optimizer, groups))));
    assertRefused(plan, file, "does not fit", "refuses");
  }

  /** Wraps a scheduler and refuses to load any state but its own current one. */
  private static final class Picky implements LrScheduler {
    private final LrScheduler inner;

    Picky(LrScheduler inner) {
      this.inner = inner;
    }

    @Override
    public void step() {
      inner.step();
    }

    @Override
    public List<Double> lastLr() {
      return inner.lastLr();
    }

    @Override
    public Map<String, Object> stateDict() {
      return new LinkedHashMap<>(inner.stateDict());
    }

    @Override
    public void loadStateDict(Map<String, Object> state) {
      if (!state.equals(inner.stateDict())) {
        throw new IllegalArgumentException("Picky refuses " + state);
      }
      inner.loadStateDict(state);
    }
  }

  @Test
  void directStorageParametersRoundTripAndStateKeepsTheParametersShape() throws Exception {
    java.util.function.Supplier<Parameter> direct = () -> {
      Parameter p = new Parameter("engine.w", new int[] {2, 2}, dev.anneal.param.FloatStorage.direct(4));
      for (int i = 0; i < 4; i++) {
        p.values().set(i, i - 1.5f);
      }
      return p;
    };
    Parameter trained = direct.get();
    TrainingPlan plan = TrainingPlan.builder().epochs(1).optimizer(Spec.of("Adam").with("lr", 0.1)).group("w", trained).build();
    plan.startEpoch();
    trained.setGrad(dev.anneal.param.FloatStorage.wrap(new float[] {1, -1, 2, 0.5f}));
    plan.afterBackward();
    Path file = dir.resolve("direct.ckpt");
    plan.save(file);

    var contents = dev.anneal.checkpoint.CheckpointFile.read(file);
    assertEquals(List.of(2, 2), Arrays.stream(contents.tensors().get("optimizer/engine.w/exp_avg").shape()).boxed().toList());

    Parameter fresh = direct.get();
    TrainingPlan restored = TrainingPlan.builder().epochs(1).optimizer(Spec.of("Adam").with("lr", 0.1)).group("w", fresh).build();
    restored.load(file);
    org.junit.jupiter.api.Assertions.assertArrayEquals(trained.values().toArray(), fresh.values().toArray(), 0f);
    assertEquals(snapshot(plan), snapshot(restored));
  }
}
