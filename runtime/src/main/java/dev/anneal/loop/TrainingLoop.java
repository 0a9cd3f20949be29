package dev.anneal.loop;

import dev.anneal.optim.ParamGroup;
import dev.anneal.plan.TrainingClock;
import dev.anneal.plan.TrainingPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A ready-made loop over a {@link TrainingPlan}: epochs of micro-batches through a user's
 * {@link BatchFunction}, a {@link Validation} after each epoch whose metrics drive plateau
 * schedules, listeners, a {@link ProgressListener} (a console bar from {@code anneal-reporting}'s
 * {@code ConsoleProgress}, say), one line per epoch, an optional checkpoint after each epoch, and
 * a stop with a clear message when a loss is NaN or infinite.
 *
 * <pre>{@code
 * TrainingResult result = TrainingLoop.of(plan)
 *     .batchesPerEpoch(batches)
 *     .train((epoch, batch, lossScale) -> model.trainStep(data.batch(epoch, batch), lossScale))
 *     .validate(epoch -> Map.of("val_loss", model.validationLoss()))
 *     .run();
 * }</pre>
 *
 * A plan restored from a checkpoint resumes where its clock stands, mid-epoch included; the batch
 * function is told which epoch and batch to train. With LBFGS, which evaluates the model several
 * times per step, the loop steps through {@link TrainingPlan#step(dev.anneal.optim.Closure)}: the
 * batch function is called again for the same batch, after the gradients are cleared.
 */
public final class TrainingLoop {
  private final TrainingPlan plan;
  private long batchesPerEpoch = -1;
  private BatchFunction train;
  private Validation validation = epoch -> Map.of();
  private final List<TrainingListener> listeners = new ArrayList<>();
  private PrintStream console = System.err;
  private ProgressListener progress = ProgressListener.NONE;
  private Path checkpoint;

  private TrainingLoop(TrainingPlan plan) {
    this.plan = Objects.requireNonNull(plan, "plan");
    if (plan.stepsPerEpoch() > 0) {
      batchesPerEpoch = plan.stepsPerEpoch() * plan.accumulate();
    }
  }

  public static TrainingLoop of(TrainingPlan plan) {
    return new TrainingLoop(plan);
  }

  /** Micro-batches per epoch; by default the plan's stepsPerEpoch times its accumulation. */
  public TrainingLoop batchesPerEpoch(long batches) {
    if (batches < 1) {
      throw new IllegalArgumentException("batchesPerEpoch must be at least 1, was " + batches);
    }
    this.batchesPerEpoch = batches;
    return this;
  }

  public TrainingLoop train(BatchFunction train) {
    this.train = Objects.requireNonNull(train, "train");
    return this;
  }

  public TrainingLoop validate(Validation validation) {
    this.validation = Objects.requireNonNull(validation, "validation");
    return this;
  }

  public TrainingLoop listener(TrainingListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** Where the epoch lines and the stop message go (default System.err); {@code null} for none. */
  public TrainingLoop console(PrintStream out) {
    this.console = out;
    return this;
  }

  /** Shows progress batch by batch (default: nothing); {@code ConsoleProgress.onTerminal()} draws a bar. */
  public TrainingLoop progress(ProgressListener progress) {
    this.progress = Objects.requireNonNull(progress, "progress (ProgressListener.NONE for none)");
    return this;
  }

  /** Saves a checkpoint to {@code file} (atomically, replacing the last one) after every epoch. */
  public TrainingLoop checkpointEachEpoch(Path file) {
    this.checkpoint = Objects.requireNonNull(file, "file");
    return this;
  }

  /** Runs until the plan's last epoch has ended or a loss is not finite. */
  public TrainingResult run() {
    if (train == null) {
      throw new IllegalStateException("the loop needs train((epoch, batch, lossScale) -> loss)");
    }
    if (batchesPerEpoch < 1) {
      throw new IllegalStateException("the loop needs batchesPerEpoch(n) (or a plan with stepsPerEpoch)");
    }
    List<Map<String, Double>> history = new ArrayList<>();
    TrainingClock clock = plan.clock();
    boolean closureSteps = plan.optimizer().type().equals("LBFGS");
    listeners.forEach(plan::addListener);
    try (ProgressListener progress = this.progress) {
      while (!plan.finished()) {
        if (!clock.inEpoch()) {
          plan.startEpoch();
        }
        int epoch = clock.epoch();
        progress.startEpoch(epoch, plan.epochs(), batchesPerEpoch, clock.batchInEpoch());
        double lossSum = 0;
        long lossCount = 0;
        while (clock.batchInEpoch() < batchesPerEpoch) {
          long batch = clock.batchInEpoch();
          double loss;
          if (closureSteps) {
            // LBFGS re-evaluates the batch: each evaluation starts from cleared gradients.
            double[] first = {Double.NaN, 0};
            plan.step(() -> {
              plan.optimizer().zeroGrad(true);
              double value = train.train(epoch, batch, 1.0);
              if (first[1]++ == 0) {
                first[0] = value;
              }
              return value;
            });
            loss = first[0];
          } else {
            loss = train.train(epoch, batch, plan.lossScale());
          }
          if (!Double.isFinite(loss)) {
            plan.optimizer().zeroGrad(true);
            String message = stopMessage(loss, epoch, batch);
            progress.close();
            if (console != null) {
              console.println(message);
            }
            return finish(new TrainingResult(TrainingResult.Status.STOPPED_NON_FINITE_LOSS, message, clock.epoch(),
                clock.step(), clock.skippedSteps(), history));
          }
          for (TrainingListener listener : listeners) {
            listener.onLoss(clock, loss);
          }
          lossSum += loss;
          lossCount++;
          if (!closureSteps) {
            plan.afterBackward();
          }
          progress.step(String.format(Locale.ROOT, "loss %.4g lr %.3g", loss, plan.groups().get(0).lr()));
        }
        progress.close();
        plan.finishEpochSteps(); // evaluation sees the epoch's final weights
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (lossCount > 0) {
          metrics.put("train_loss", lossSum / lossCount);
        }
        metrics.putAll(validation.validate(epoch));
        if (console != null) {
          // Before the epoch's end moves the schedules: the lrs the epoch ended with; and before
          // what listeners print about the epoch's end (a plateau reduction, say).
          console.println(epochLine(epoch, metrics) + groupsLine());
        }
        plan.endEpoch(metrics);
        history.add(metrics);
        if (checkpoint != null) {
          plan.save(checkpoint);
        }
      }
      return finish(new TrainingResult(TrainingResult.Status.COMPLETED, "completed " + plan.epochs() + " epochs, "
          + clock.step() + " optimizer steps", clock.epoch(), clock.step(), clock.skippedSteps(), history));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write checkpoint " + checkpoint + ": " + e.getMessage(), e);
    } finally {
      listeners.forEach(plan::removeListener);
    }
  }

  private TrainingResult finish(TrainingResult result) {
    for (TrainingListener listener : listeners) {
      listener.onTrainingEnd(result);
    }
    return result;
  }

  private String stopMessage(double loss, int epoch, long batch) {
    StringJoiner lrs = new StringJoiner(", ");
    for (ParamGroup g : plan.groups()) {
      lrs.add(g.name() + " " + g.lr());
    }
    return "Training stopped: the loss is " + loss + " at epoch " + (epoch + 1) + "/" + plan.epochs() + ", batch " + batch
        + " (after " + plan.clock().step() + " optimizer steps); this batch updated nothing. Lower the learning rate"
        + " (now " + lrs + "), clip gradients (clipGradNorm), or check the data and the loss function.";
  }

  private String epochLine(int epoch, Map<String, Double> metrics) {
    StringJoiner line = new StringJoiner("  ", "epoch " + (epoch + 1) + "/" + plan.epochs() + "  ", "");
    metrics.forEach((k, v) -> line.add(String.format(Locale.ROOT, "%s %.5g", k, v)));
    return line.toString();
  }

  /** {@code "  lr stem=1.00e-04 head=1.00e-03  frozen: stem"}: each group's lr and the groups frozen now. */
  private String groupsLine() {
    StringJoiner lrs = new StringJoiner(" ", "  lr ", "");
    StringJoiner frozen = new StringJoiner(",", "  frozen: ", "").setEmptyValue("");
    for (ParamGroup g : plan.groups()) {
      lrs.add(String.format(Locale.ROOT, "%s=%.2e", g.name(), plan.lastStepLr(g.name())));
      if (plan.isFrozen(g.name())) {
        frozen.add(g.name());
      }
    }
    return lrs + frozen.toString();
  }
}
