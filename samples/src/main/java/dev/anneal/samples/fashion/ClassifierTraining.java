package dev.anneal.samples.fashion;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import dev.anneal.djl.DjlTrainer;
import dev.anneal.loop.BatchFunction;
import dev.anneal.loop.Validation;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.samples.data.Split;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the runtime's {@code TrainingLoop} needs to train a DJL classifier on a {@link Split}: the
 * batch function (mini-batch {@code b} of epoch {@code e} of a shuffle seeded by the seed and the
 * epoch, through {@link DjlTrainer#backward}) and the evaluation after each epoch (training
 * accuracy, loss and accuracy on another split). The loop does the rest:
 *
 * <pre>{@code
 * ClassifierTraining fashion = new ClassifierTraining(model, plan, data.train(), batchSize, seed);
 * TrainingLoop.of(plan).train(fashion).validate(fashion.evaluatingOn("test", data.test())).run();
 * }</pre>
 */
public final class ClassifierTraining implements BatchFunction {
  private static final int EVALUATION_BATCH = 1000;

  private final DjlTrainer trainer;
  private final Split train;
  private final int batchSize;
  private final EpochOrder epochs;
  private int[] order;
  private int orderEpoch = -1;
  private long correct;
  private long seen;

  /** With DJL's softmax cross entropy as the loss. */
  public ClassifierTraining(Block model, TrainingPlan plan, Split train, int batchSize, long seed) {
    this(model, plan, Loss.softmaxCrossEntropyLoss(), train, batchSize, seed);
  }

  /** With a loss of one's own (sample 2: PyTorch's CrossEntropyLoss with label smoothing). */
  public ClassifierTraining(Block model, TrainingPlan plan, Loss loss, Split train, int batchSize, long seed) {
    this(model, plan, loss, EpochOrder.onePass(train, batchSize, seed));
  }

  private ClassifierTraining(Block model, TrainingPlan plan, Loss loss, EpochOrder epochs) {
    this.trainer = new DjlTrainer(model, loss, plan);
    this.train = epochs.train();
    this.batchSize = epochs.batchSize();
    this.epochs = epochs;
  }

  /**
   * Epochs of exactly {@code batchesPerEpoch} full mini-batches taken from consecutive passes over
   * {@code train}, each pass shuffled anew (the last one used in part; {@link EpochOrder#repeating}):
   * a few-shot set of 50 images then gives the schedules and the freezing as many steps per epoch
   * as a large one.
   */
  public static ClassifierTraining repeating(Block model, TrainingPlan plan, Split train, int batchSize, int batchesPerEpoch,
      long seed) {
    return new ClassifierTraining(model, plan, Loss.softmaxCrossEntropyLoss(),
        EpochOrder.repeating(train, batchSize, batchesPerEpoch, seed));
  }

  /** Mini-batches in an epoch: the loop's batchesPerEpoch. */
  public long batchesPerEpoch() {
    return epochs.batches();
  }

  /**
   * Mini-batches per epoch for a training set of {@code examples}, as the plan's stepsPerEpoch
   * without accumulation; with {@code accumulate(k)} the plan's is
   * {@code Accumulation.stepsPerEpoch(stepsPerEpoch(examples, batchSize), k)}, rounded up.
   */
  public static int stepsPerEpoch(int examples, int batchSize) {
    return (examples + batchSize - 1) / batchSize;
  }

  @Override
  public double train(int epoch, long batch, double lossScale) {
    if (orderEpoch != epoch) {
      order = epochs.of(epoch);
      orderEpoch = epoch;
      correct = 0;
      seen = 0;
    }
    int from = (int) (batch * batchSize);
    int to = Math.min(order.length, from + batchSize);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList labels = Batches.labels(manager, train, order, from, to);
      DjlTrainer.BatchResult result = trainer.backward(Batches.images(manager, train, order, from, to), labels, lossScale);
      correct += DjlTrainer.correct(result.outputs(), labels);
      seen += to - from;
      return result.loss();
    }
  }

  /** After each epoch: {@code train_accuracy} alone, for runs evaluated only at their end. */
  public Validation trainingAccuracy() {
    return epoch -> seen > 0 ? Map.of("train_accuracy", (double) correct / seen) : Map.of();
  }

  /** After each epoch: {@code train_accuracy}, then {@code <name>_loss} and {@code <name>_accuracy} on {@code split}. */
  public Validation evaluatingOn(String name, Split split) {
    return epoch -> {
      Map<String, Double> metrics = new LinkedHashMap<>();
      if (seen > 0) {
        metrics.put("train_accuracy", (double) correct / seen);
      }
      Evaluation evaluation = evaluate(split);
      metrics.put(name + "_loss", evaluation.loss());
      metrics.put(name + "_accuracy", evaluation.accuracy());
      return metrics;
    };
  }

  /** Loss and accuracy of the model on a split, in inference mode. */
  public record Evaluation(double loss, double accuracy) {}

  /** Loss and accuracy on a split, in inference mode (batches of 1000). */
  public Evaluation evaluate(Split split) {
    int[] identity = new int[split.count()];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    double lossSum = 0;
    long right = 0;
    for (int from = 0; from < split.count(); from += EVALUATION_BATCH) {
      int to = Math.min(split.count(), from + EVALUATION_BATCH);
      try (NDManager manager = NDManager.newBaseManager()) {
        NDList labels = Batches.labels(manager, split, identity, from, to);
        DjlTrainer.BatchResult result = trainer.evaluateBatch(Batches.images(manager, split, identity, from, to), labels);
        lossSum += result.loss() * (to - from);
        right += DjlTrainer.correct(result.outputs(), labels);
      }
    }
    return new Evaluation(lossSum / split.count(), (double) right / split.count());
  }
}
