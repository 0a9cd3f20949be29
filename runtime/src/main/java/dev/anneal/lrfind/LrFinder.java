package dev.anneal.lrfind;

import dev.anneal.loop.BatchFunction;
import dev.anneal.optim.ParamGroup;
import dev.anneal.plan.HookHandle;
import dev.anneal.plan.StateCapture;
import dev.anneal.plan.TrainingClock;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.plan.TrialRun;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The learning-rate range test of Lightning's {@code Tuner.lr_find} and fastai's
 * {@code Learner.lr_find}: trains with a plan for up to {@code steps} optimizer steps while the lr
 * grows from {@code startLr} to {@code endLr}, records the loss of each step, stops early when
 * the smoothed loss passes {@code earlyStopThreshold} times the best so far, and then puts the
 * plan back exactly as it was (a {@link TrialRun}: parameters, optimizer state, hyperparameters,
 * schedules, freeze state, clock; {@link #restoring} adds state outside the plan, such as a DJL
 * model's BatchNorm statistics).
 *
 * <pre>{@code
 * LrFinderResult result = LrFinder.of(plan).range(1e-7, 10).steps(100)
 *     .run((epoch, batch, lossScale) -> model.trainStep(data.batch(epoch, batch), lossScale));
 * result.valley().ifPresent(s -> System.out.println("valley: " + s.lr()));
 * }</pre>
 *
 * <p>The batch function is the one a {@code TrainingLoop} takes: it computes the loss of one
 * micro-batch, back-propagates it scaled by {@code lossScale}, and returns the unscaled loss; the
 * finder then calls {@code plan.afterBackward()}, unless the function already did (as
 * {@code DjlTrainer.trainBatch} does). Everything the plan does per step still happens (frozen
 * groups stay frozen, accumulation, clipping, the plan's hooks), except that before each step
 * every group's lr is set: the reference group (the one with the largest lr) gets the sweep's lr,
 * every other group the same multiple of its own lr, so layer-wise lrs keep their ratios. The
 * plan's listeners hear nothing.
 *
 * <p>Smoothing as fastai's {@code AvgSmoothLoss} (Lightning's is the same up to its debiasing
 * step): {@code avg = lerp(loss, avg, beta)}, {@code smoothed = avg / (1 - beta^(k+1))}. A NaN or
 * infinite loss, or a step the plan skips for a non-finite gradient, ends the test too.
 */
public final class LrFinder {
  private final TrainingPlan plan;
  private final TrialRun trial;
  private double startLr = 1e-7;
  private double endLr = 10;
  private int steps = 100;
  private SweepMode mode = SweepMode.EXPONENTIAL;
  private double earlyStopThreshold = 4.0;
  private double beta = 0.98;
  private long batchesPerEpoch = -1;

  private LrFinder(TrainingPlan plan) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.trial = TrialRun.of(plan);
  }

  /**
   * An lr range test of {@code plan}, with fastai's defaults.
   *
   * @param plan the plan to sweep; it is restored afterwards
   * @return the finder, to configure and {@link #run}
   */
  public static LrFinder of(TrainingPlan plan) {
    return new LrFinder(plan);
  }

  /**
   * The reference group's lr at the first step and the lr the sweep heads for (defaults 1e-7 and 10, fastai's).
   *
   * @param startLr the first lr, positive
   * @param endLr the last lr, larger than {@code startLr}
   * @return this finder
   */
  public LrFinder range(double startLr, double endLr) {
    if (!(startLr > 0) || !Double.isFinite(startLr)) {
      throw new IllegalArgumentException("startLr must be positive and finite, was " + startLr);
    }
    if (!(endLr > startLr) || !Double.isFinite(endLr)) {
      throw new IllegalArgumentException("endLr must be finite and larger than startLr (" + startLr + "), was " + endLr);
    }
    this.startLr = startLr;
    this.endLr = endLr;
    return this;
  }

  /**
   * Optimizer steps to sweep over (default 100).
   *
   * @param steps at least 2
   * @return this finder
   */
  public LrFinder steps(int steps) {
    if (steps < 2) {
      throw new IllegalArgumentException("steps must be at least 2, was " + steps);
    }
    this.steps = steps;
    return this;
  }

  /**
   * How the lr moves from the start to the end (default exponentially).
   *
   * @param mode the sweep's shape
   * @return this finder
   */
  public LrFinder mode(SweepMode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /**
   * Stops when the smoothed loss exceeds {@code threshold} times the best (default 4, as both libraries).
   *
   * @param threshold larger than 1
   * @return this finder
   */
  public LrFinder earlyStopThreshold(double threshold) {
    if (!(threshold > 1)) {
      throw new IllegalArgumentException("earlyStopThreshold must be larger than 1, was " + threshold);
    }
    this.earlyStopThreshold = threshold;
    return this;
  }

  /**
   * Runs every step whatever the loss does (Lightning's {@code early_stop_threshold=None}).
   *
   * @return this finder
   */
  public LrFinder noEarlyStop() {
    this.earlyStopThreshold = Double.POSITIVE_INFINITY;
    return this;
  }

  /**
   * The smoothing factor {@code beta} of the loss (default 0.98).
   *
   * @param beta in [0, 1)
   * @return this finder
   */
  public LrFinder smoothing(double beta) {
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException("smoothing beta must be in [0, 1), was " + beta);
    }
    this.beta = beta;
    return this;
  }

  /**
   * Micro-batches per pass over the data, for the batch function's (epoch, batch); default the plan's.
   *
   * @param batches at least 1
   * @return this finder
   */
  public LrFinder batchesPerEpoch(long batches) {
    if (batches < 1) {
      throw new IllegalArgumentException("batchesPerEpoch must be at least 1, was " + batches);
    }
    this.batchesPerEpoch = batches;
    return this;
  }

  /**
   * Also restores {@code state} afterwards, such as {@code BlockSnapshot.of(model)} for DJL buffers.
   *
   * @param state what to capture before and restore after
   * @return this finder
   */
  public LrFinder restoring(StateCapture state) {
    trial.restoring(state);
    return this;
  }

  /**
   * Runs the test and restores the plan (also when the batch function throws).
   *
   * @param train what one micro-batch does, as for {@code TrainingLoop}
   * @return the sweep's lrs and losses, and the suggestions
   * @throws IOException when the plan's state cannot be captured or restored
   */
  public LrFinderResult run(BatchFunction train) throws IOException {
    Objects.requireNonNull(train, "train");
    long perEpoch = batchesPerEpoch > 0 ? batchesPerEpoch
        : plan.stepsPerEpoch() > 0 ? plan.stepsPerEpoch() * plan.accumulate() : -1;
    if (perEpoch < 1) {
      throw new IllegalStateException("the lr finder needs batchesPerEpoch(n) (or a plan with stepsPerEpoch)");
    }
    List<ParamGroup> groups = plan.groups();
    int reference = 0;
    for (int g = 1; g < groups.size(); g++) {
      if (groups.get(g).lr() > groups.get(reference).lr()) {
        reference = g;
      }
    }
    double referenceLr = groups.get(reference).lr();
    if (!(referenceLr > 0)) {
      throw new IllegalStateException("the lr finder keeps the groups' lr ratios, so it needs a group with a positive lr; "
          + "the largest is " + referenceLr + " (group " + groups.get(reference).name() + ")");
    }
    Map<String, Double> ratios = new LinkedHashMap<>();
    double[] ratio = new double[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      ratio[g] = groups.get(g).lr() / referenceLr;
      ratios.put(groups.get(g).name(), ratio[g]);
    }
    String referenceName = groups.get(reference).name();
    return trial.run(p -> sweep(train, perEpoch, ratio, referenceName, ratios));
  }

  private LrFinderResult sweep(BatchFunction train, long perEpoch, double[] ratio, String referenceName,
      Map<String, Double> ratios) {
    TrainingClock clock = plan.clock();
    List<ParamGroup> groups = plan.groups();
    double[] lr = new double[1];
    double[] lrs = new double[steps];
    double[] raw = new double[steps];
    double[] smoothed = new double[steps];
    int done = 0;
    String stop = null;
    HookHandle setLr = plan.hooks().beforeStep((p, trainable) -> {
      for (int g = 0; g < groups.size(); g++) {
        groups.get(g).setLr(lr[0] * ratio[g]);
      }
    });
    try {
      if (!clock.inEpoch()) {
        plan.startEpoch();
      }
      int firstEpoch = clock.epoch();
      long micro = clock.batchInEpoch();
      double avg = 0;
      double best = Double.POSITIVE_INFINITY;
      for (int k = 0; k < steps; k++) {
        lr[0] = mode.lr(startLr, endLr, k, steps);
        long stepsBefore = clock.step();
        long skippedBefore = clock.skippedSteps();
        double lossSum = 0;
        int count = 0;
        do {
          long before = clock.batchInEpoch();
          // the sweep steps whole windows only (it never ends an epoch): 1 / k, whatever the plan's LossScale
          double loss = train.train(firstEpoch + (int) (micro / perEpoch), micro % perEpoch, 1.0 / plan.accumulate());
          micro++;
          lossSum += loss;
          count++;
          if (clock.batchInEpoch() == before) {
            plan.afterBackward();
          }
        } while (clock.microBatch() != 0);
        double loss = lossSum / count;
        lrs[k] = lr[0];
        raw[k] = loss;
        avg = loss + beta * (avg - loss);
        smoothed[k] = avg / (1 - Math.pow(beta, k + 1));
        done = k + 1;
        if (!Double.isFinite(loss)) {
          stop = "the loss is " + loss + " at lr " + lr[0];
          break;
        }
        if (clock.skippedSteps() > skippedBefore || clock.step() == stepsBefore) {
          stop = "the plan skipped the step at lr " + lr[0] + " (a gradient was not finite)";
          break;
        }
        best = Math.min(best, smoothed[k]);
        if (smoothed[k] > earlyStopThreshold * best) {
          stop = "the smoothed loss " + smoothed[k] + " passed " + earlyStopThreshold + " times the best (" + best
              + ") at lr " + lr[0];
          break;
        }
      }
    } finally {
      setLr.remove();
    }
    return new LrFinderResult(mode, steps, referenceName, ratios, Arrays.copyOf(lrs, done), Arrays.copyOf(raw, done),
        Arrays.copyOf(smoothed, done), stop);
  }
}
