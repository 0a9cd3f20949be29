package dev.anneal.samples.transfer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.util.Pair;
import dev.anneal.loop.TrainingLoop;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.reporting.ConsoleProgress;
import dev.anneal.reporting.History;
import dev.anneal.samples.cli.Cli;
import dev.anneal.samples.cli.DataOptions;
import dev.anneal.samples.data.FashionMnist;
import dev.anneal.samples.data.Split;
import dev.anneal.samples.fashion.ClassifierTraining;
import dev.anneal.samples.fashion.FashionCnn;
import dev.anneal.samples.fashion.HistoryListener;
import dev.anneal.samples.fashion.SampleRun;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sample 3, the main job: transfer learning. A CNN is pretrained on classes 0-4 (T-shirt, trouser,
 * pullover, dress, coat), then fine-tuned on classes 5-9 (sandal, shirt, sneaker, bag, ankle boot)
 * with a new head, twice from the same start:
 * <ul>
 *   <li><b>layer-wise</b>: lr per layer, smaller for lower layers (stem 1e-4, body 3e-4, head 1e-3),
 *       the backbone (stem and body) frozen for the first epochs and warmed up again when it thaws;
 *   <li><b>full</b>: plain full fine-tuning, one group, one lr, nothing frozen.
 * </ul>
 * It prints both runs' test accuracy epoch by epoch and the plots of each. The three trainings are
 * declared with annotations ({@link Pretraining}, {@link LayerWiseFineTuning}, {@link
 * FullFineTuning}); the processor writes the plans.
 */
@Command(name = "TransferLearning", mixinStandardHelpOptions = true, version = "Anneal sample 3",
    description = "Sample 3: pretrain a CNN on classes 0-4, fine-tune on 5-9 with layer-wise lrs and a frozen backbone,"
        + " compared with plain full fine-tuning from the same start (epochs, lrs, freezing, schedules: the annotations"
        + " on Pretraining, LayerWiseFineTuning and FullFineTuning).")
public final class TransferLearning implements Callable<Integer> {
  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--batch", defaultValue = "64", description = "mini-batch size (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--max-train", defaultValue = "6000",
      description = "at most this many training images per phase, to keep the run to minutes (default: ${DEFAULT-VALUE})")
  int maxTrain;

  @Option(names = "--out", defaultValue = "anneal-output/transfer", description = "folder for the PNG plots (default: ${DEFAULT-VALUE})")
  Path out;

  /** The final test accuracies on classes 5-9. */
  public record Result(double pretrained, double layerWise, double full) {}

  public static void main(String[] args) {
    Cli.main(new TransferLearning(), args);
  }

  @Override
  public Integer call() throws Exception {
    run(System.out);
    return 0;
  }

  public Result run(PrintStream console) throws Exception {
    long seed = data.seed;
    FashionMnist fashion = SampleRun.start("Sample 3: transfer learning, layer-wise lrs + frozen backbone vs full fine-tuning",
        data.data, seed, console);
    int batchSize = Cli.positive("--batch", batch);
    int limit = Cli.positive("--max-train", maxTrain);
    Split pretrainTrain = first(fashion.train().filter("train 0-4", label -> label < 5), limit, seed);
    Split pretrainTest = fashion.test().filter("test 0-4", label -> label < 5);
    Split fineTrain = first(fashion.train().filter("train 5-9", label -> label >= 5).shiftLabels(5), limit, seed);
    Split fineTest = fashion.test().filter("test 5-9", label -> label >= 5).shiftLabels(5);

    try (NDManager manager = NDManager.newBaseManager()) {
      console.printf("%n== pretraining on classes 0-4 (%d images) ==%n", pretrainTrain.count());
      FashionCnn pretrained = new FashionCnn(5);
      pretrained.initialize(manager, DataType.FLOAT32, FashionCnn.INPUT);
      TrainingPlan pretrainPlan = PretrainingTraining.plan(new Pretraining(pretrained),
          ClassifierTraining.stepsPerEpoch(pretrainTrain.count(), batchSize));
      Run pretraining = train("pretrain", pretrained, pretrainPlan, pretrainTrain, pretrainTest, batchSize, seed, console);
      double pretrainedAccuracy = pretraining.training().evaluate(pretrainTest).accuracy();
      int fineSteps = ClassifierTraining.stepsPerEpoch(fineTrain.count(), batchSize);

      console.printf("%n== fine-tuning on classes 5-9 (%d images): layer-wise lrs, backbone frozen for the first epoch ==%n",
          fineTrain.count());
      FashionCnn layerWiseModel = startFrom(pretrained, manager, seed);
      Run layerWise = train("finetune-layerwise", layerWiseModel,
          LayerWiseFineTuningTraining.plan(new LayerWiseFineTuning(layerWiseModel), fineSteps), fineTrain, fineTest, batchSize,
          seed, console);

      console.printf("%n== fine-tuning on classes 5-9: full fine-tuning, one group, lr 1e-3, nothing frozen ==%n");
      FashionCnn fullModel = startFrom(pretrained, manager, seed);
      Run full = train("finetune-full", fullModel, FullFineTuningTraining.plan(new FullFineTuning(fullModel), fineSteps),
          fineTrain, fineTest, batchSize, seed, console);

      Result result = new Result(pretrainedAccuracy, layerWise.training().evaluate(fineTest).accuracy(),
          full.training().evaluate(fineTest).accuracy());
      printComparison(console, pretrainedAccuracy, layerWise.history(), full.history(), result);
      SampleRun.finish(out, console, pretraining.history(), layerWise.history(), full.history());
      return result;
    }
  }

  /** A finished training run: its batch function (for evaluation) and what it went through. */
  private record Run(ClassifierTraining training, History history) {}

  private static Run train(String name, FashionCnn model, TrainingPlan plan, Split train, Split test, int batchSize, long seed,
      PrintStream console) {
    ClassifierTraining training = new ClassifierTraining(model, plan, train, batchSize, seed);
    HistoryListener history = new HistoryListener(plan, new History(name));
    TrainingLoop.of(plan)
        .batchesPerEpoch(training.batchesPerEpoch())
        .train(training)
        .validate(training.evaluatingOn("test", test))
        .listener(history)
        .progress(ConsoleProgress.onTerminal())
        .console(console)
        .run();
    return new Run(training, history.history());
  }

  /**
   * A new model for classes 5-9 whose stem and body (BatchNorm statistics included) are copies of
   * the pretrained ones and whose head is freshly initialized from {@code seed}: both runs start
   * from exactly this.
   */
  static FashionCnn startFrom(FashionCnn pretrained, NDManager manager, long seed) {
    Engine.getInstance().setRandomSeed((int) seed + 1);
    FashionCnn model = new FashionCnn(5);
    model.initialize(manager, DataType.FLOAT32, FashionCnn.INPUT);
    copy(pretrained.stem, model.stem);
    copy(pretrained.body, model.body);
    Engine.getInstance().setRandomSeed((int) seed + 2);   // the same dropout draws for both runs
    return model;
  }

  private static void copy(Block from, Block to) {
    var target = to.getParameters();
    for (Pair<String, ai.djl.nn.Parameter> entry : from.getParameters()) {
      copyValues(entry.getValue().getArray(), target.get(entry.getKey()).getArray());
    }
  }

  /**
   * Writes {@code from}'s values into {@code to}'s memory in place where the engine shows it (the
   * PyTorch engine on CPU), else with DJL's {@code copyTo} (which on PyTorch swaps the storage).
   */
  private static void copyValues(NDArray from, NDArray to) {
    float[] values = from.toFloatArray();
    ByteBuffer memory = to.toByteBuffer(true);
    if (memory.isDirect() && !memory.isReadOnly() && memory.remaining() == values.length * Float.BYTES) {
      memory.order(ByteOrder.nativeOrder()).asFloatBuffer().put(values);
      if (Arrays.equals(values, to.toFloatArray())) {
        return;
      }
    }
    from.copyTo(to);
  }

  /** The first {@code limit} examples of a shuffled copy (all when fewer). */
  private static Split first(Split split, int limit, long seed) {
    if (split.count() <= limit) {
      return split;
    }
    return split.holdOut(1.0 - (double) limit / split.count(), seed)[0];
  }

  private static void printComparison(PrintStream out, double pretrained, History layerWise, History full, Result result) {
    out.printf("%n== comparison: test accuracy on classes 5-9 ==%n");
    out.printf("pretrained on 0-4: %.2f%% test accuracy on classes 0-4%n", 100 * pretrained);
    out.printf("%-7s %-30s %-20s%n", "epoch", "layer-wise + frozen backbone", "full fine-tuning");
    List<Double> a = layerWise.metric("test_accuracy");
    List<Double> b = full.metric("test_accuracy");
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      out.printf(Locale.ROOT, "%-7d %-30s %-20s%n", i + 1, i < a.size() ? String.format(Locale.ROOT, "%.2f%%", 100 * a.get(i)) : "",
          i < b.size() ? String.format(Locale.ROOT, "%.2f%%", 100 * b.get(i)) : "");
    }
    double diff = 100 * (result.layerWise() - result.full());
    out.printf(Locale.ROOT, "final: layer-wise %.2f%%, full %.2f%% (%s%.2f points)%n", 100 * result.layerWise(), 100 * result.full(),
        diff >= 0 ? "+" : "", diff);
  }
}
