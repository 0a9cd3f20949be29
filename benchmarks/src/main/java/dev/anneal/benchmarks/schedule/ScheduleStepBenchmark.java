package dev.anneal.benchmarks.schedule;

import dev.anneal.optim.Optimizer;
import dev.anneal.optim.Optimizers;
import dev.anneal.optim.ParamGroup;
import dev.anneal.param.Parameter;
import dev.anneal.schedule.LrScheduler;
import dev.anneal.schedule.MetricScheduler;
import dev.anneal.schedule.Schedulers;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
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
 * The cost of one scheduler step (4 parameter groups), early in a schedule and a million steps in:
 * the same time at both positions shows constant time per step; run with {@code -prof gc} to see
 * {@code gc.alloc.rate.norm} of 0 B/op (no allocation in steady state).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ScheduleStepBenchmark {
  private static final int LONG = 1_000_000_000;

  @Param({"StepLR", "CosineAnnealingLR", "CyclicLR", "OneCycleLR", "ChainedScheduler", "LinearWarmup+Cosine", "ReduceLROnPlateau"})
  public String schedule;

  /** Steps taken before measuring. */
  @Param({"0", "1000000"})
  public int position;

  private LrScheduler scheduler;
  private MetricScheduler metricScheduler;
  private int metricStep;

  static Spec spec(String name) {
    return switch (name) {
      case "StepLR" -> Spec.of("StepLR").with("step_size", 30).with("gamma", 0.999);
      case "CosineAnnealingLR" -> Spec.of("CosineAnnealingLR").with("T_max", LONG).with("eta_min", 1e-6);
      case "CyclicLR" -> Spec.of("CyclicLR").with("base_lr", 1e-4).with("max_lr", 1e-2).with("step_size_up", 2000).with("mode", "triangular2");
      case "OneCycleLR" -> Spec.of("OneCycleLR").with("max_lr", 0.1).with("total_steps", LONG).with("three_phase", true);
      case "ChainedScheduler" -> Spec.of("ChainedScheduler").withChildren(
          Spec.of("CosineAnnealingLR").with("T_max", LONG), Spec.of("MultiStepLR").with("milestones", List.of(10, 20_000_000)));
      case "LinearWarmup+Cosine" -> Spec.of("LinearWarmup").with("warmup_steps", 500)
          .withChildren(Spec.of("CosineAnnealingLR").with("T_max", LONG));
      case "ReduceLROnPlateau" -> Spec.of("ReduceLROnPlateau").with("patience", 5);
      default -> throw new IllegalArgumentException(name);
    };
  }

  @Setup(Level.Iteration)
  public void setUp() {
    List<ParamGroup> groups = new ArrayList<>();
    for (int g = 0; g < 4; g++) {
      groups.add(new ParamGroup("g" + g, List.of(Parameter.of("p" + g, 0f))).with("lr", 0.1 / (g + 1)));
    }
    Optimizer optimizer = Optimizers.create(Spec.of("SGD").with("momentum", 0.9), groups);
    scheduler = Schedulers.create(spec(schedule), optimizer);
    metricScheduler = scheduler instanceof MetricScheduler m ? m : null;
    metricStep = 0;
    for (int i = 0; i < position; i++) {
      step();
    }
  }

  @Benchmark
  public LrScheduler step() {
    if (metricScheduler != null) {
      metricScheduler.step((metricStep++ & 7) == 0 ? 0.5 : 1.0); // improves every 8 steps: reductions now and then
    } else {
      scheduler.step();
    }
    return scheduler;
  }
}
