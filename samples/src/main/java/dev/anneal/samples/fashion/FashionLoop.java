package dev.anneal.samples.fashion;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import dev.anneal.djl.DjlTrainer;
import dev.anneal.reporting.ConsoleProgress;
import dev.anneal.optim.ParamGroup;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.samples.data.Split;
import dev.anneal.reporting.History;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The epoch loop the Fashion-MNIST samples share: shuffled mini-batches through {@link DjlTrainer}
 * (so the Anneal plan steps the DJL model), a progress bar, an evaluation after each epoch, one
 * summary line per epoch and a {@link History} for the plots.
 */
public final class FashionLoop {
  private final Block model;
  private final TrainingPlan plan;
  private final DjlTrainer trainer;
  private final int batchSize;
  private final long seed;
  private final PrintStream out;
  private final History history;
  private boolean announceLrChanges;

  public FashionLoop(String run, Block model, TrainingPlan plan, int batchSize, long seed, PrintStream out) {
    this(run, model, plan, Loss.softmaxCrossEntropyLoss(), batchSize, seed, out);
  }

  /** With a loss of one's own (sample 2: PyTorch's CrossEntropyLoss with label smoothing). */
  public FashionLoop(String run, Block model, TrainingPlan plan, Loss loss, int batchSize, long seed, PrintStream out) {
    this.model = model;
    this.plan = plan;
    this.trainer = new DjlTrainer(model, loss, plan);
    this.batchSize = batchSize;
    this.seed = seed;
    this.out = out;
    this.history = new History(run);
  }

  /** Prints a line whenever an epoch's end changes a group's lr (plateau reductions). */
  public FashionLoop announceLrChanges(boolean announce) {
    this.announceLrChanges = announce;
    return this;
  }

  public History history() {
    return history;
  }

  /** Mini-batches per epoch for a training set of {@code examples}, as the plan's stepsPerEpoch. */
  public static long stepsPerEpoch(int examples, int batchSize) {
    return (examples + batchSize - 1) / batchSize;
  }

  /** Loss and accuracy of the model on a split, in inference mode. */
  public record Evaluation(double loss, double accuracy) {}

  /** Runs every remaining epoch of the plan; evaluates on {@code eval}, whose metrics are prefixed {@code evalName}. */
  public History fit(Split train, Split eval, String evalName) {
    while (!plan.finished()) {
      epoch(train, eval, evalName);
    }
    return history;
  }

  /** One epoch; returns the metrics given to the plan's {@code endEpoch}. */
  public Map<String, Double> epoch(Split train, Split eval, String evalName) {
    long start = System.nanoTime();
    plan.startEpoch();
    int epoch = plan.clock().epoch() + 1;
    int[] order = train.shuffledOrder(seed * 1_000_003L + epoch);
    long batches = stepsPerEpoch(train.count(), batchSize);
    ConsoleProgress bar = ConsoleProgress.onTerminal();
    bar.startEpoch(epoch - 1, plan.epochs(), batches, 0);
    double lossSum = 0;
    long correct = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int from = 0, b = 0; from < train.count(); from += batchSize, b++) {
        int to = Math.min(train.count(), from + batchSize);
        if (plan.clock().microBatch() == 0) {
          history.recordLr(plan.clock().step(), effectiveLrs());
        }
        try (NDManager batch = manager.newSubManager()) {
          NDList labels = Batches.labels(batch, train, order, from, to);
          DjlTrainer.BatchResult result = trainer.trainBatch(Batches.images(batch, train, order, from, to), labels);
          lossSum += result.loss() * (to - from);
          correct += DjlTrainer.correct(result.outputs(), labels);
        }
        bar.step(String.format(Locale.ROOT, "loss %.4f", lossSum / to));
      }
    }
    bar.close();
    plan.finishEpochSteps(); // evaluation sees the epoch's final weights
    Evaluation evaluation = evaluate(eval);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("train_loss", lossSum / train.count());
    metrics.put("train_accuracy", (double) correct / train.count());
    metrics.put(evalName + "_loss", evaluation.loss());
    metrics.put(evalName + "_accuracy", evaluation.accuracy());
    Map<String, Double> lrsBefore = lrs();
    String frozen = frozenGroups();
    plan.endEpoch(metrics);
    history.recordEpoch(epoch, metrics);
    out.println(String.format(Locale.ROOT, "epoch %d/%d  train loss %.4f acc %.2f%%  %s loss %.4f acc %.2f%%  lr %s%s  (%.1f s)",
        epoch, plan.epochs(), metrics.get("train_loss"), 100 * metrics.get("train_accuracy"), evalName, evaluation.loss(),
        100 * evaluation.accuracy(), describe(lrsBefore), frozen.isEmpty() ? "" : "  frozen: " + frozen,
        (System.nanoTime() - start) / 1e9));
    if (announceLrChanges) {
      lrs().forEach((group, lr) -> {
        double before = lrsBefore.get(group);
        if (lr < before) {
          out.println(String.format(Locale.ROOT, "  lr of group %s dropped: %.3g -> %.3g (no improvement in %s)", group, before, lr,
              "the monitored metric"));
        }
      });
    }
    return metrics;
  }

  /** Loss and accuracy on a split, in inference mode (batches of 1000). */
  public Evaluation evaluate(Split split) {
    int[] order = new int[split.count()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    double lossSum = 0;
    long correct = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int from = 0; from < split.count(); from += 1000) {
        int to = Math.min(split.count(), from + 1000);
        try (NDManager batch = manager.newSubManager()) {
          NDList labels = Batches.labels(batch, split, order, from, to);
          DjlTrainer.BatchResult result = trainer.evaluateBatch(Batches.images(batch, split, order, from, to), labels);
          lossSum += result.loss() * (to - from);
          correct += DjlTrainer.correct(result.outputs(), labels);
        }
      }
    }
    return new Evaluation(lossSum / split.count(), (double) correct / split.count());
  }

  private Map<String, Double> lrs() {
    Map<String, Double> lrs = new LinkedHashMap<>();
    for (ParamGroup group : plan.groups()) {
      lrs.put(group.name(), group.lr());
    }
    return lrs;
  }

  /** The lr each group trains with at the coming step: 0 while frozen. */
  private Map<String, Double> effectiveLrs() {
    Map<String, Double> lrs = new LinkedHashMap<>();
    for (ParamGroup group : plan.groups()) {
      lrs.put(group.name(), plan.isFrozen(group.name()) ? 0.0 : group.lr());
    }
    return lrs;
  }

  private String frozenGroups() {
    StringBuilder names = new StringBuilder();
    for (ParamGroup group : plan.groups()) {
      if (plan.isFrozen(group.name())) {
        names.append(names.length() == 0 ? "" : ",").append(group.name());
      }
    }
    return names.toString();
  }

  private static String describe(Map<String, Double> lrs) {
    StringBuilder text = new StringBuilder();
    lrs.forEach((group, lr) -> text.append(text.length() == 0 ? "" : " ").append(group).append('=')
        .append(String.format(Locale.ROOT, "%.2e", lr)));
    return text.toString();
  }

  public Block model() {
    return model;
  }
}
