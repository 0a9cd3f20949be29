package dev.anneal.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs code that trains with a plan and then undoes all of it, as Lightning's {@code lr_find}
 * does around its mock training: parameters, optimizer state and hyperparameters, schedules,
 * freeze state and clock come back bit for bit (the plan's checkpoint is written to a temporary
 * file before and read back after), as do the plan's own average ({@code .ema(...)}) and any
 * {@link StateCapture} given. The plan's listeners
 * hear nothing of the trial; its hooks run as usual, except the checkpoint hooks, which the
 * trial's own save and load do not call.
 */
public final class TrialRun {
  private final TrainingPlan plan;
  private final List<StateCapture> captures = new ArrayList<>();

  /** What runs on the plan; its result is returned after the plan is restored. */
  @FunctionalInterface
  public interface Trial<T> {
    T run(TrainingPlan plan) throws IOException;
  }

  private TrialRun(TrainingPlan plan) {
    this.plan = Objects.requireNonNull(plan, "plan");
  }

  public static TrialRun of(TrainingPlan plan) {
    return new TrialRun(plan);
  }

  /** Also restores {@code state} (captured before the trial, written back after it). */
  public TrialRun restoring(StateCapture state) {
    captures.add(Objects.requireNonNull(state, "state"));
    return this;
  }

  /** Runs {@code trial} and restores everything, also when it throws. Needs no partial accumulation pending. */
  public <T> T run(Trial<T> trial) throws IOException {
    if (plan.clock().microBatch() != 0) {
      throw new IllegalStateException("a trial run needs the plan between optimizer steps, but " + plan.clock().microBatch()
          + " of " + plan.accumulate() + " micro-batches are accumulated");
    }
    Path file = Files.createTempFile("anneal-trial-", ".ckpt");
    List<Runnable> restores = new ArrayList<>();
    List<PlanListener> listeners = new ArrayList<>(plan.listeners());
    try {
      PlanCheckpoint.save(plan, file, true);
      for (StateCapture capture : captures) {
        restores.add(capture.capture());
      }
      plan.averagedModel().ifPresent(average -> restores.add(average.capture()));   // the plan's own EMA
      plan.listeners().clear();
      return trial.run(plan);
    } finally {
      try {
        plan.listeners().clear();
        plan.listeners().addAll(listeners);
        if (Files.size(file) > 0) {
          PlanCheckpoint.load(plan, file);
        }
        for (int i = restores.size() - 1; i >= 0; i--) {
          restores.get(i).run();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not restore the plan after a trial run: " + e.getMessage(), e);
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }
}
