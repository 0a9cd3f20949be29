package dev.anneal.benchmarks.plan;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.Optimizers;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.param.ParameterSource;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the training plan adds to an optimizer step: the same AdamW step over 4 groups, bare
 * ({@code optimizerOnly}: step and zeroGrad) and through {@code plan.afterBackward()} with a
 * non-finite check, optionally {@code clipGradNorm} (a norm pass; the scaling pass is skipped when
 * the factor is exactly 1, as here) and a step-interval warmup + cosine schedule. Gradients are
 * re-attached (not copied) per op. {@code planAfterBackward} registers no hook (the hooks' cost when
 * none is registered is one array-length test); {@code planAfterBackwardWithHooks} runs a
 * before-step and an after-step hook that each read one gradient value.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/cp.txt)" org.openjdk.jmh.Main PlanStepBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PlanStepBenchmark {
  @Param({"65536", "1048576"})
  public int parameters;

  /** With clipGradNorm (norm pass, which also finds NaN/inf) or without (a vectorized NaN/inf scan). */
  @Param({"true", "false"})
  public boolean clip;

  private List<Parameter> bareParams;
  private FloatStorage[] bareGrads;
  private Optimizer bare;
  private List<Parameter> planParams;
  private FloatStorage[] planGrads;
  private TrainingPlan plan;
  private TrainingPlan hookedPlan;
  private List<Parameter> hookedParams;
  private double hookSink;

  @Setup(Level.Trial)
  public void setUp() {
    bareParams = params();
    bareGrads = grads(bareParams);
    List<ParamGroup> groups = new ArrayList<>();
    for (int g = 0; g < 4; g++) {
      groups.add(new ParamGroup("g" + g, List.of(bareParams.get(g))));
    }
    bare = Optimizers.create(Spec.of("AdamW").with("lr", 1e-3), groups);

    planParams = params();
    planGrads = grads(planParams);
    var builder = TrainingPlan.builder().epochs(1).stepsPerEpoch(Integer.MAX_VALUE)
        .optimizer(Spec.of("AdamW").with("lr", 1e-3))
        .schedule(Spec.of("LinearWarmup").with("warmup_steps", 100)
            .withChildren(Spec.of("CosineAnnealingLR").with("T_max", 1_000_000_000)), Interval.STEP);
    if (clip) {
      builder.clipGradNorm(1e30);
    }
    for (int g = 0; g < 4; g++) {
      builder.group("g" + g, ParameterSource.of(planParams.get(g)));
    }
    plan = builder.build();
    plan.startEpoch();

    hookedParams = params();
    var hooked = TrainingPlan.builder().epochs(1).stepsPerEpoch(Integer.MAX_VALUE)
        .optimizer(Spec.of("AdamW").with("lr", 1e-3))
        .schedule(Spec.of("LinearWarmup").with("warmup_steps", 100)
            .withChildren(Spec.of("CosineAnnealingLR").with("T_max", 1_000_000_000)), Interval.STEP);
    if (clip) {
      hooked.clipGradNorm(1e30);
    }
    for (int g = 0; g < 4; g++) {
      hooked.group("g" + g, ParameterSource.of(hookedParams.get(g)));
    }
    hookedPlan = hooked.build();
    hookedPlan.hooks().beforeStep((p, trainable) -> hookSink += trainable.get(0).grad().get(0));
    hookedPlan.hooks().afterStep((p, trainable) -> hookSink -= trainable.get(0).grad().get(0));
    hookedPlan.startEpoch();
  }

  private List<Parameter> params() {
    Random random = new Random(1);
    List<Parameter> list = new ArrayList<>();
    for (int g = 0; g < 4; g++) {
      float[] values = new float[parameters / 4];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) random.nextGaussian();
      }
      list.add(Parameter.of("p" + g, values));
    }
    return list;
  }

  private static FloatStorage[] grads(List<Parameter> params) {
    Random random = new Random(2);
    FloatStorage[] grads = new FloatStorage[params.size()];
    for (int g = 0; g < grads.length; g++) {
      float[] values = new float[params.get(g).size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) random.nextGaussian() * 1e-3f;
      }
      grads[g] = FloatStorage.wrap(values);
    }
    return grads;
  }

  @Benchmark
  public void optimizerOnly() {
    for (int g = 0; g < 4; g++) {
      bareParams.get(g).setGrad(bareGrads[g]);
    }
    bare.step();
    bare.zeroGrad(true);
  }

  @Benchmark
  public Object planAfterBackward() {
    for (int g = 0; g < 4; g++) {
      planParams.get(g).setGrad(planGrads[g]);
    }
    return plan.afterBackward();
  }

  @Benchmark
  public Object planAfterBackwardWithHooks() {
    for (int g = 0; g < 4; g++) {
      hookedParams.get(g).setGrad(planGrads[g]);
    }
    return hookedPlan.afterBackward();
  }

  /** The plan's own extra pass: the global 2-norm that both clipping and the non-finite check use. */
  @Benchmark
  public double gradientNormOnly() {
    for (int g = 0; g < 4; g++) {
      bareParams.get(g).setGrad(bareGrads[g]);
    }
    return dev.anneal.grad.GradientClipping.totalNorm(bareParams, 2.0);
  }
}
