package dev.anneal.benchmarks.djl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.anneal.djl.BlockParameters;
import dev.anneal.djl.trainer.DjlPlan;
import dev.anneal.param.EngineStorage;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * Epoch time under DJL's own {@code EasyTrain} (its {@code trainBatch} then {@code trainer.step()}
 * per batch, as {@code EasyTrain.fit} runs them) of the CNN of the EpochTime benchmark, with DJL's
 * AdamW and with Anneal's AdamW through {@link DjlPlan}: on the engine's views (Java kernels, the
 * CPU path) and as engine operations (the path a GPU takes; on a GPU the views are unavailable and
 * this is the path that runs). Same weights, same batches, alternating after a warm-up; medians of
 * the rounds, the ratios against DJL, and the bytes Anneal copied between host and device.
 * Whatever device DJL finds is used: the command a GPU user runs is the same.
 *
 * <pre>java -Dai.djl.offline=true -cp ... dev.anneal.benchmarks.djl.EasyTrainEpochTime [examples] [batch] [rounds]</pre>
 */
public final class EasyTrainEpochTime {
  private EasyTrainEpochTime() {}

  public static void main(String[] args) throws Exception {
    int examples = args.length > 0 ? Integer.parseInt(args[0]) : 12_800;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    float[][] data = EpochTime.randomData(examples);
    float[] images = data[0];
    float[] labels = data[1];
    System.out.printf("engine %s %s on %s, %d examples, batch %d, %d threads%n", Engine.getInstance().getEngineName(),
        Engine.getInstance().getVersion(), Engine.getInstance().defaultDevice(), examples, batch,
        Runtime.getRuntime().availableProcessors());
    List<Run> runs = new ArrayList<>();
    runs.add(new Run("DJL AdamW", null, images, labels, batch));
    boolean cpu = Engine.getInstance().defaultDevice().getDeviceType().equals(ai.djl.Device.Type.CPU);
    if (cpu) {
      runs.add(new Run("DjlPlan AdamW, views (Java kernels)", BlockParameters::of, images, labels, batch));
    }
    runs.add(new Run("DjlPlan AdamW, engine operations", BlockParameters::onEngine, images, labels, batch));
    try {
      for (Run run : runs) {
        run.epoch(); // warm-up: JIT, allocator, libtorch kernels
      }
      for (int r = 0; r < rounds; r++) {
        for (Run run : runs) {
          run.measure();
        }
      }
      Run djl = runs.get(0);
      for (Run run : runs) {
        System.out.printf(Locale.ROOT, "  %-40s %s%s%n", run.name, run.summary(),
            run == djl ? "" : String.format(Locale.ROOT, "; ratio to DJL %.3f (medians), %.3f (bests)",
                run.median() / djl.median(), run.best() / djl.best()));
      }
      System.out.printf("  bytes Anneal copied between host and device in all these epochs: %d%n", EngineStorage.hostBytes());
    } finally {
      for (Run run : runs) {
        run.close();
      }
    }
  }

  /** One way of training the same model: whole epochs under EasyTrain, and their times. */
  private static final class Run implements AutoCloseable {
    final String name;
    private final Model model = Model.newInstance("easytrain");
    private final Trainer trainer;
    private final ArrayDataset data;
    private final List<Double> epochs = new ArrayList<>();

    Run(String name, BiFunction<String, Block, BlockParameters> bind, float[] images, float[] labels, int batch) {
      this.name = name;
      Engine.getInstance().setRandomSeed(7);
      Block block = EpochTime.cnn();
      model.setBlock(block);
      AtomicReference<TrainingPlan> plan = new AtomicReference<>();
      DjlPlan djlPlan = DjlPlan.of(plan::get);
      Optimizer optimizer = bind == null
          ? Optimizer.adamW().optLearningRateTracker(Tracker.fixed(1e-3f)).optWeightDecays(0.01f).build()
          : djlPlan;
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer);
      if (bind != null) {
        config.addTrainingListeners(djlPlan);
      }
      trainer = model.newTrainer(config);
      trainer.initialize(new Shape(batch, 1, 28, 28));
      if (bind != null) {
        plan.set(TrainingPlan.builder().epochs(1_000).stepsPerEpoch(labels.length / batch)
            .optimizer(Spec.of("AdamW").with("lr", 1e-3).with("weight_decay", 0.01))
            .group("model", bind.apply("model", block))
            .build());
      }
      NDManager manager = model.getNDManager();
      data = new ArrayDataset.Builder()
          .setData(manager.create(images, new Shape(labels.length, 1, 28, 28)))
          .optLabels(manager.create(labels, new Shape(labels.length)))
          .setSampling(batch, false, true)
          .build();
    }

    /** Seconds for one epoch, as EasyTrain.fit runs it (no validation set). */
    double epoch() throws Exception {
      long start = System.nanoTime();
      for (Batch batch : trainer.iterateDataset(data)) {
        EasyTrain.trainBatch(trainer, batch);
        trainer.step();
        batch.close();
      }
      trainer.notifyListeners(listener -> listener.onEpoch(trainer));
      return (System.nanoTime() - start) / 1e9;
    }

    void measure() throws Exception {
      epochs.add(epoch());
    }

    double median() {
      List<Double> sorted = new ArrayList<>(epochs);
      Collections.sort(sorted);
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double best() {
      return Collections.min(epochs);
    }

    String summary() {
      StringBuilder text = new StringBuilder("epochs");
      for (double e : epochs) {
        text.append(String.format(Locale.ROOT, " %.2f", e));
      }
      return text.append(String.format(Locale.ROOT, " s; median %.2f s", median())).toString();
    }

    @Override
    public void close() {
      trainer.close();
      model.close();
    }
  }
}
