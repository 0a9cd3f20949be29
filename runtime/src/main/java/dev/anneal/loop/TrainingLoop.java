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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ready-made loop over a {@link TrainingPlan}: epochs of micro-batches through a user's
 * {@link BatchFunction}, a {@link Validation} after each epoch whose metrics drive plateau
 * schedules, listeners, a {@link ProgressListener} (a console bar from {@code anneal-reporting}'s
 * {@code ConsoleProgress}, say), one line per epoch, an optional checkpoint after each epoch, and
 * a stop with a clear message when a loss is NaN or infinite.
 *
 * <p>The epoch lines are logged through SLF4J at INFO and the stop message at WARN, by the logger
 * {@code dev.anneal.loop.TrainingLoop}; the loop prints nothing itself. {@link ConsoleListener}
 * (or {@link #console(PrintStream)}) prints both to a stream as well.
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
  private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
  private final TrainingPlan plan;
  private long batchesPerEpoch = -1;
  private BatchFunction train;
  private Validation validation = epoch -> Map.of();
  private final List<TrainingListener> listeners = new ArrayList<>();
  private TrainingListener console;
  private ProgressListener progress = ProgressListener.NONE;
  private Path checkpoint;

  private TrainingLoop(TrainingPlan plan) {
    this.plan = Objects.requireNonNull(plan, "plan");
    if (plan.stepsPerEpoch() > 0) {
      batchesPerEpoch = plan.stepsPerEpoch() * plan.accumulate();
    }
  }

  /**
   * A loop over {@code plan}, from where its clock stands.
   *
   * @param plan the plan to run
   * @return the loop, to configure and {@link #run}
   */
  public static TrainingLoop of(TrainingPlan plan) {
    return new TrainingLoop(plan);
  }

  /**
   * Micro-batches per epoch; by default the plan's stepsPerEpoch times its accumulation.
   *
   * @param batches at least 1
   * @return this loop
   */
  public TrainingLoop batchesPerEpoch(long batches) {
    if (batches < 1) {
      throw new IllegalArgumentException("batchesPerEpoch must be at least 1, was " + batches);
    }
    this.batchesPerEpoch = batches;
    return this;
  }

  /**
   * What one micro-batch does: forward, backward, and the loss (required).
   *
   * @param train the batch function
   * @return this loop
   */
  public TrainingLoop train(BatchFunction train) {
    this.train = Objects.requireNonNull(train, "train");
    return this;
  }

  /**
   * The metrics after each epoch (by default none); plateau schedules read their monitored one.
   *
   * @param validation the validation
   * @return this loop
   */
  public TrainingLoop validate(Validation validation) {
    this.validation = Objects.requireNonNull(validation, "validation");
    return this;
  }

  /**
   * Adds a listener for the run (it hears the plan too while the loop runs).
   *
   * @param listener the listener
   * @return this loop
   */
  public TrainingLoop listener(TrainingListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Prints the epoch lines and the stop message to {@code out} as well as logging them: a
   * {@link ConsoleListener} that hears the loop before the other listeners. By default nothing is
   * printed (before the loop logged through SLF4J, it printed to {@code System.err}).
   *
   * @param out the stream, or {@code null} to print nothing (the default)
   * @return this loop
   */
  public TrainingLoop console(PrintStream out) {
    this.console = out == null ? null : ConsoleListener.to(out);
    return this;
  }

  /**
   * Shows progress batch by batch (default: nothing); {@code ConsoleProgress.onTerminal()} draws a bar.
   *
   * @param progress the progress listener ({@link ProgressListener#NONE} for none)
   * @return this loop
   */
  public TrainingLoop progress(ProgressListener progress) {
    this.progress = Objects.requireNonNull(progress, "progress (ProgressListener.NONE for none)");
    return this;
  }

  /**
   * Saves a checkpoint to {@code file} (atomically, replacing the last one) after every epoch.
   *
   * @param file the checkpoint file
   * @return this loop
   */
  public TrainingLoop checkpointEachEpoch(Path file) {
    this.checkpoint = Objects.requireNonNull(file, "file");
    return this;
  }

  /**
   * Runs until the plan's last epoch has ended or a loss is not finite.
   *
   * @return how the run ended, with each epoch's metrics
   * @throws IllegalStateException when no batch function or number of batches was given
   * @throws UncheckedIOException when a checkpoint cannot be written
   */
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
    List<TrainingListener> all = new ArrayList<>(this.listeners.size() + 1);
    if (console != null) {
      all.add(console);
    }
    all.addAll(this.listeners);
    all.forEach(plan::addListener);
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
            loss = train.train(epoch, batch, plan.lossScale(batchesPerEpoch));
          }
          if (!Double.isFinite(loss)) {
            plan.optimizer().zeroGrad(true);
            String message = stopMessage(loss, epoch, batch);
            progress.close();
            LOG.warn(message);
            return finish(all, new TrainingResult(TrainingResult.Status.STOPPED_NON_FINITE_LOSS, message, clock.epoch(),
                clock.step(), clock.skippedSteps(), history));
          }
          for (TrainingListener listener : all) {
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
        // Before the epoch's end moves the schedules: the lrs the epoch ended with; and before
        // what listeners print about the epoch's end (a plateau reduction, say).
        String line = epochLine(epoch, metrics) + groupsLine();
        LOG.info(line);
        for (TrainingListener listener : all) {
          listener.onEpochSummary(line);
        }
        plan.endEpoch(metrics);
        history.add(metrics);
        if (checkpoint != null) {
          plan.save(checkpoint);
        }
      }
      return finish(all, new TrainingResult(TrainingResult.Status.COMPLETED, "completed " + plan.epochs() + " epochs, "
          + clock.step() + " optimizer steps", clock.epoch(), clock.step(), clock.skippedSteps(), history));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write checkpoint " + checkpoint + ": " + e.getMessage(), e);
    } finally {
      all.forEach(plan::removeListener);
    }
  }

  private static TrainingResult finish(List<TrainingListener> all, TrainingResult result) {
    for (TrainingListener listener : all) {
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

  /** {@return {@code "  lr stem=1.00e-04 head=1.00e-03  frozen: stem"}: each group's lr and the groups frozen now} */
  private String groupsLine() {
    StringJoiner lrs = new StringJoiner(" ", "  lr ", "");
    StringJoiner frozen = new StringJoiner(",", "  frozen: ", "").setEmptyValue("");
    for (ParamGroup g : plan.groups()) {
      lrs.add(String.format(Locale.ROOT, "%s=%.2e", g.name(), plan.lastStepLr(g.name())));
      if (plan.isFrozen(g.name())) {
        frozen.add(g.name() + (plan.trainsNormWhileFrozen(g.name()) ? " (norm layers train)" : ""));
      }
    }
    return lrs + frozen.toString();
  }
}
