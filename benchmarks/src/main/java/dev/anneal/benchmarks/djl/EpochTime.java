package dev.anneal.benchmarks.djl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.anneal.djl.BlockParameters;
import dev.anneal.djl.DjlTrainer;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Epoch time of the same DJL model trained with DJL's own AdamW (its {@code Trainer.step()}) and
 * with Anneal's AdamW through {@link DjlTrainer} (views of the engine's memory, no copies), and the
 * floor of both: the engine's forward, loss and backward alone, with no optimizer step. One run:
 * same initial weights, same batches, alternating A B C A B C after a warm-up, five rounds by
 * default (single epochs vary by 10-30% on a shared machine, so one pair decides nothing). Prints
 * every epoch, the medians and bests, the optimizer step's own time per batch (timed around
 * {@code trainer.step()} and {@code plan.afterBackward()} inside the same epochs, so noise in the
 * forward and backward passes does not enter it), each step's overhead over the floor, and the
 * ratio Anneal / DJL of the medians. Not a JMH benchmark: one measurement is a whole epoch.
 *
 * <pre>java -Dai.djl.offline=true -cp ... dev.anneal.benchmarks.djl.EpochTime [examples] [batch] [rounds]</pre>
 */
public final class EpochTime {
  private EpochTime() {}

  public static void main(String[] args) {
    int examples = args.length > 0 ? Integer.parseInt(args[0]) : 12_800;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    float[][] data = randomData(examples);
    float[] images = data[0];
    float[] labels = data[1];
    System.out.printf("engine %s %s, %d examples, batch %d, %d threads%n", Engine.getInstance().getEngineName(),
        Engine.getInstance().getVersion(), examples, batch, Runtime.getRuntime().availableProcessors());
    compare("CNN (conv32-conv64-fc128, 0.42M parameters)", EpochTime::cnn, images, labels, batch, rounds);
    compare("MLP (784-1024-1024-10, 1.86M parameters)", EpochTime::mlp, images, labels, batch, rounds);
  }

  private static void compare(String name, Supplier<Block> model, float[] images, float[] labels, int batch,
      int rounds) {
    int batches = labels.length / batch;
    try (Run djl = new DjlRun(model.get(), batch, true); Run anneal = new AnnealRun(model.get(), batch, labels.length);
        Run floor = new DjlRun(model.get(), batch, false)) {
      List<Run> runs = List.of(djl, anneal, floor);
      runs.forEach(run -> run.epoch(images, labels, 10));   // warm-up: JIT, allocator, libtorch kernels
      for (int r = 0; r < rounds; r++) {
        runs.forEach(run -> run.measure(images, labels));
      }
      System.out.printf(Locale.ROOT, "%s%n  DJL AdamW    %s%n  Anneal AdamW %s%n  forward+backward only (floor) %s%n",
          name, djl.summary(), anneal.summary(), floor.summary());
      System.out.printf(Locale.ROOT, "  optimizer step per batch, timed inside the epochs (median): DJL %.3f ms, Anneal %.3f ms%n",
          djl.medianStepMillis(batches), anneal.medianStepMillis(batches));
      System.out.printf(Locale.ROOT, "  step overhead over the floor, per batch (medians): DJL %.3f ms (%.1f%% of its epoch),"
              + " Anneal %.3f ms (%.1f%%)%n",
          (djl.median() - floor.median()) * 1e3 / batches, 100 * (djl.median() - floor.median()) / djl.median(),
          (anneal.median() - floor.median()) * 1e3 / batches, 100 * (anneal.median() - floor.median()) / anneal.median());
      System.out.printf(Locale.ROOT, "  ratio Anneal / DJL: %.3f (medians of %d), %.3f (bests)%n",
          anneal.median() / djl.median(), rounds, anneal.best() / djl.best());
    }
  }

  /** {@code examples} 28x28 images of standard normal noise and labels 0-9, from a fixed seed: {images, labels}. */
  static float[][] randomData(int examples) {
    Random random = new Random(1);
    float[] images = new float[examples * 784];
    float[] labels = new float[examples];
    for (int i = 0; i < examples; i++) {
      labels[i] = random.nextInt(10);
      for (int j = 0; j < 784; j++) {
        images[i * 784 + j] = (float) random.nextGaussian();
      }
    }
    return new float[][] {images, labels};
  }

  static Block cnn() {
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(32).build())
        .add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2)))
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(64).build())
        .add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2)))
        .add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(128).build()).add(Activation::relu)
        .add(Linear.builder().setUnits(10).build());
  }

  static Block mlp() {
    return new SequentialBlock().add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(1024).build()).add(Activation::relu)
        .add(Linear.builder().setUnits(1024).build()).add(Activation::relu)
        .add(Linear.builder().setUnits(10).build());
  }

  /** One way of training: whole epochs, their times, and the time its optimizer step took in them. */
  private abstract static class Run implements AutoCloseable {
    final NDManager manager = NDManager.newBaseManager();
    final int batch;
    private final List<Double> epochs = new ArrayList<>();
    private final List<Double> steps = new ArrayList<>();
    /** Nanoseconds in the optimizer step during the current epoch; {@link #step} adds to it. */
    long stepNanos;

    Run(int batch) {
      this.batch = batch;
    }

    /** One whole epoch, recorded. */
    void measure(float[] images, float[] labels) {
      epochs.add(epoch(images, labels, Integer.MAX_VALUE));
      steps.add(stepNanos / 1e9);
    }

    /** Seconds for up to {@code maxBatches} batches. */
    double epoch(float[] images, float[] labels, int maxBatches) {
      stepNanos = 0;
      long start = System.nanoTime();
      int n = labels.length;
      for (int from = 0, b = 0; from + batch <= n && b < maxBatches; from += batch, b++) {
        try (NDManager scope = manager.newSubManager()) {
          float[] x = new float[batch * 784];
          System.arraycopy(images, from * 784, x, 0, x.length);
          float[] y = new float[batch];
          System.arraycopy(labels, from, y, 0, batch);
          step(new NDList(scope.create(x, new Shape(batch, 1, 28, 28))), new NDList(scope.create(y, new Shape(batch))));
        }
      }
      return (System.nanoTime() - start) / 1e9;
    }

    double median() {
      return median(epochs);
    }

    double best() {
      return Collections.min(epochs);
    }

    double medianStepMillis(int batches) {
      return median(steps) * 1e3 / batches;
    }

    /** The epochs in the order run, then their median and best. */
    String summary() {
      StringBuilder text = new StringBuilder("epochs");
      for (double e : epochs) {
        text.append(String.format(Locale.ROOT, " %.2f", e));
      }
      return text.append(String.format(Locale.ROOT, " s; median %.2f s, best %.2f s", median(), best())).toString();
    }

    private static double median(List<Double> values) {
      List<Double> sorted = new ArrayList<>(values);
      Collections.sort(sorted);
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    abstract void step(NDList x, NDList y);

    @Override
    public void close() {
      manager.close();
    }
  }

  /** DJL's way: {@code Trainer} with DJL's AdamW, forward and backward, {@code trainer.step()}. */
  private static final class DjlRun extends Run {
    private final Model model = Model.newInstance("djl-adamw");
    private final Trainer trainer;
    private final boolean stepping;

    /** @param stepping false for the floor: the same forward and backward, and no optimizer step */
    DjlRun(Block block, int batch, boolean stepping) {
      super(batch);
      this.stepping = stepping;
      Engine.getInstance().setRandomSeed(7);
      model.setBlock(block);
      trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(Optimizer.adamW().optLearningRateTracker(Tracker.fixed(1e-3f)).optWeightDecays(0.01f).build()));
      trainer.initialize(new Shape(batch, 1, 28, 28));
    }

    @Override
    void step(NDList x, NDList y) {
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray loss = trainer.getLoss().evaluate(y, trainer.forward(x));
        collector.backward(loss);
      }
      if (stepping) {
        long start = System.nanoTime();
        trainer.step();
        stepNanos += System.nanoTime() - start;
      }
    }

    @Override
    public void close() {
      trainer.close();
      model.close();
      super.close();
    }
  }

  /** Anneal's way: {@link DjlTrainer} with a plan holding Anneal's AdamW over engine views. */
  private static final class AnnealRun extends Run {
    private final DjlTrainer trainer;
    private final TrainingPlan plan;

    AnnealRun(Block block, int batch, int examples) {
      super(batch);
      Engine.getInstance().setRandomSeed(7);
      block.initialize(manager, DataType.FLOAT32, new Shape(batch, 1, 28, 28));
      plan = TrainingPlan.builder()
          .epochs(1_000)
          .stepsPerEpoch(examples / batch)
          .optimizer(Spec.of("AdamW").with("lr", 1e-3).with("weight_decay", 0.01))
          .group("model", BlockParameters.of("model", block))
          .build();
      trainer = new DjlTrainer(block, Loss.softmaxCrossEntropyLoss(), plan);
      plan.startEpoch();
    }

    @Override
    void step(NDList x, NDList y) {
      // trainBatch, in its two halves, so that the step (which also zeroes the gradients) is timed.
      trainer.backward(x, y, plan.lossScale());
      long start = System.nanoTime();
      plan.afterBackward();
      stepNanos += System.nanoTime() - start;
    }
  }
}
