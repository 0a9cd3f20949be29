package dev.anneal.plan;

import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of {@link CheckpointKillTest}: AdamW with amsgrad over 13.2M floats (parameters and
 * three state tensors: a 211 MB checkpoint), a step-interval schedule, ten steps an epoch.
 *
 * <ul>
 *   <li>{@code fault <file>}: resumes from the file if present, then steps up to {@link #FAULT_STEPS}
 *       and saves after every step, and keeps saving once there, until killed;
 *   <li>{@code finish <file> <out>}: resumes from the file if present, runs to the end, saves to out.
 * </ul>
 * It reports {@code loaded <step>}, {@code saving <step>}, {@code saved <step>} on stdout.
 */
final class KillChild {
  static final int SIZE = 13_200_000;
  static final int STEPS_PER_EPOCH = 10;
  static final int EPOCHS = 4;
  static final int FAULT_STEPS = 30;

  private KillChild() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    Parameter w = Parameter.zeros("model.w", 1200, SIZE / 1200);
    float[] values = ((dev.anneal.param.HeapStorage) w.values()).array();
    for (int i = 0; i < SIZE; i++) {
      values[i] = ((i * 7919) % 1000 - 500) * 1e-3f;
    }
    TrainingPlan plan = TrainingPlan.builder().epochs(EPOCHS).stepsPerEpoch(STEPS_PER_EPOCH)
        .optimizer(Spec.of("AdamW").with("lr", 1e-2).with("amsgrad", true).with("weight_decay", 0.1))
        .group("model", w)
        .schedule(Spec.of("StepLR").with("step_size", 7).with("gamma", 0.7), Interval.STEP)
        .build();
    if (Files.exists(file)) {
      plan.load(file);
    }
    System.out.println("loaded " + plan.clock().step());
    float[] grad = new float[SIZE];
    if (args[0].equals("fault")) {
      while (true) {
        if (plan.clock().step() < FAULT_STEPS) {
          step(plan, w, values, grad);
        }
        System.out.println("saving " + plan.clock().step());
        plan.save(file);
        System.out.println("saved " + plan.clock().step());
      }
    }
    while (!plan.finished()) {
      step(plan, w, values, grad);
    }
    plan.save(Path.of(args[2]));
    System.out.println("saved " + plan.clock().step());
  }

  /** One optimizer step on a gradient that depends on the weights and the step. */
  private static void step(TrainingPlan plan, Parameter w, float[] values, float[] grad) {
    if (!plan.clock().inEpoch()) {
      plan.startEpoch();
    }
    long step = plan.clock().step();
    for (int i = 0; i < SIZE; i++) {
      grad[i] = 0.5f * values[i] + (((i * 31 + step * 17) % 97) - 48) * 1e-3f;
    }
    w.setGrad(FloatStorage.wrap(grad));
    plan.afterBackward();
    if (plan.clock().batchInEpoch() == STEPS_PER_EPOCH) {
      plan.endEpoch();
    }
  }
}
