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
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Epoch time of the same DJL model trained with DJL's own AdamW (its {@code Trainer.step()}) and
 * with Anneal's AdamW through {@link DjlTrainer} (views of the engine's memory, no copies), and the
 * floor of both: the engine's forward, loss and backward alone, with no optimizer step. One run:
 * same initial weights, same batches, alternating A B C A B C after a warm-up, best of two each.
 * Prints each optimizer's step overhead over the floor (per batch and as a share of the epoch)
 * and the ratio Anneal / DJL. Not a JMH benchmark: one measurement is a whole epoch.
 *
 * <pre>java -Dai.djl.offline=true -cp ... dev.anneal.benchmarks.djl.EpochTime [examples] [batch]</pre>
 */
public final class EpochTime {
  private EpochTime() {}

  public static void main(String[] args) {
    int examples = args.length > 0 ? Integer.parseInt(args[0]) : 12_800;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    Random random = new Random(1);
    float[] images = new float[examples * 784];
    float[] labels = new float[examples];
    for (int i = 0; i < examples; i++) {
      labels[i] = random.nextInt(10);
      for (int j = 0; j < 784; j++) {
        images[i * 784 + j] = (float) random.nextGaussian();
      }
    }
    System.out.printf("engine %s %s, %d examples, batch %d, %d threads%n", Engine.getInstance().getEngineName(),
        Engine.getInstance().getVersion(), examples, batch, Runtime.getRuntime().availableProcessors());
    compare("CNN (conv32-conv64-fc128, 0.42M parameters)", EpochTime::cnn, images, labels, batch);
    compare("MLP (784-1024-1024-10, 1.86M parameters)", EpochTime::mlp, images, labels, batch);
  }

  private static void compare(String name, Supplier<Block> model, float[] images, float[] labels, int batch) {
    double[] djl = new double[2];
    double[] anneal = new double[2];
    double[] floor = new double[2];
    try (Run a = new DjlRun(model.get(), batch, true); Run b = new AnnealRun(model.get(), batch, labels.length);
        Run c = new DjlRun(model.get(), batch, false)) {
      a.epoch(images, labels, 10);   // warm-up: JIT, allocator, libtorch kernels
      b.epoch(images, labels, 10);
      c.epoch(images, labels, 10);
      for (int r = 0; r < 2; r++) {
        djl[r] = a.epoch(images, labels, Integer.MAX_VALUE);
        anneal[r] = b.epoch(images, labels, Integer.MAX_VALUE);
        floor[r] = c.epoch(images, labels, Integer.MAX_VALUE);
      }
    }
    double bestDjl = Math.min(djl[0], djl[1]);
    double bestAnneal = Math.min(anneal[0], anneal[1]);
    double bestFloor = Math.min(floor[0], floor[1]);
    int batches = labels.length / batch;
    System.out.printf(Locale.ROOT, "%s%n  DJL AdamW    epoch %.2f s, %.2f s%n  Anneal AdamW epoch %.2f s, %.2f s%n"
        + "  forward+backward only (floor) epoch %.2f s, %.2f s%n"
        + "  step overhead over the floor, per batch: DJL %.3f ms (%.1f%% of its epoch), Anneal %.3f ms (%.1f%%)%n"
        + "  ratio Anneal / DJL (best of two): %.3f%n", name, djl[0], djl[1], anneal[0], anneal[1], floor[0], floor[1],
        (bestDjl - bestFloor) * 1e3 / batches, 100 * (bestDjl - bestFloor) / bestDjl,
        (bestAnneal - bestFloor) * 1e3 / batches, 100 * (bestAnneal - bestFloor) / bestAnneal, bestAnneal / bestDjl);
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

  /** One way of training; {@link #epoch} returns seconds. */
  private abstract static class Run implements AutoCloseable {
    final NDManager manager = NDManager.newBaseManager();
    final int batch;

    Run(int batch) {
      this.batch = batch;
    }

    double epoch(float[] images, float[] labels, int maxBatches) {
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
        trainer.step();
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

    AnnealRun(Block block, int batch, int examples) {
      super(batch);
      Engine.getInstance().setRandomSeed(7);
      block.initialize(manager, DataType.FLOAT32, new Shape(batch, 1, 28, 28));
      TrainingPlan plan = TrainingPlan.builder()
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
      trainer.trainBatch(x, y);
    }
  }
}
