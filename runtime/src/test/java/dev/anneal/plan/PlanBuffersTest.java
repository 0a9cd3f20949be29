package dev.anneal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.checkpoint.CheckpointException;
import dev.anneal.param.Buffer;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import dev.anneal.spec.Spec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Buffers (running statistics) of a group's source are saved in checkpoints and restored exactly. */
class PlanBuffersTest {
  @TempDir Path dir;

  /** A layer with one weight and two buffers, as a BatchNorm layer has running mean and variance. */
  static final class NormLayer implements ParameterSource {
    final Layer layer = new Layer("norm");
    final Parameter weight = layer.add("weight", 3);
    final Buffer mean = Buffer.of("norm.running_mean", new int[] {3}, FloatStorage.wrap(new float[3]));
    final Buffer var = Buffer.of("norm.running_var", new int[] {3}, FloatStorage.wrap(new float[] {1, 1, 1}));

    @Override
    public List<Parameter> parameters() {
      return layer.parameters();
    }

    @Override
    public List<Buffer> buffers() {
      return List.of(mean, var);
    }
  }

  private static TrainingPlan plan(ParameterSource source) {
    return TrainingPlan.builder().epochs(2).stepsPerEpoch(2).optimizer(Spec.of("SGD").with("lr", 0.1))
        .group("norm", source).build();
  }

  @Test
  void buffersAreSavedAndRestoredBitForBit() throws Exception {
    NormLayer model = new NormLayer();
    TrainingPlan plan = plan(model);
    assertEquals(List.of(model.mean, model.var), plan.buffers());
    model.mean.values().copyFrom(new float[] {0.1f, -2.5f, 1e-7f});
    model.var.values().copyFrom(new float[] {3.25f, Float.MIN_VALUE, 7f});
    Path file = dir.resolve("ckpt");
    plan.save(file);
    float[] savedMean = model.mean.values().toArray();
    float[] savedVar = model.var.values().toArray();

    NormLayer fresh = new NormLayer();
    plan(fresh).load(file);
    assertArrayEquals(savedMean, fresh.mean.values().toArray());
    assertArrayEquals(savedVar, fresh.var.values().toArray());
  }

  @Test
  void aCheckpointWithoutTheBuffersIsRefusedNamingThem() throws Exception {
    NormLayer model = new NormLayer();
    Path file = dir.resolve("no-buffers");
    plan(ParameterSource.of(model.weight)).save(file);
    CheckpointException e = assertThrows(CheckpointException.class, () -> plan(new NormLayer()).load(file));
    assertTrue(e.getMessage().contains("missing from the checkpoint [norm.running_mean, norm.running_var]"), e.getMessage());
    assertTrue(e.getMessage().contains("nothing was loaded"), e.getMessage());
  }

  @Test
  void extraBuffersInTheCheckpointAreRefused() throws Exception {
    NormLayer model = new NormLayer();
    Path file = dir.resolve("with-buffers");
    plan(model).save(file);
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> plan(ParameterSource.of(new NormLayer().weight)).load(file));
    assertTrue(e.getMessage().contains("not in the plan [norm.running_mean, norm.running_var]"), e.getMessage());
  }

  @Test
  void aBufferNamedLikeAParameterIsRefused() {
    Layer layer = new Layer("l");
    Parameter w = layer.add("w", 2);
    ParameterSource clash = new ParameterSource() {
      @Override
      public List<Parameter> parameters() {
        return List.of(w);
      }

      @Override
      public List<Buffer> buffers() {
        return List.of(Buffer.of(w.name(), new int[] {2}, FloatStorage.wrap(new float[2])));
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan(clash));
    assertTrue(e.getMessage().contains("buffer l.w of group norm has the name of a parameter of group norm"), e.getMessage());
  }

  @Test
  void concatenatedSourcesKeepTheirBuffers() {
    NormLayer a = new NormLayer();
    assertEquals(List.of(a.mean, a.var), ParameterSource.concat(List.of(a, ParameterSource.of())).buffers());
  }
}
