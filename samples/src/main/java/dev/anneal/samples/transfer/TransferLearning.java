package dev.anneal.samples.transfer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.util.Pair;
import dev.anneal.loop.ProgressListener;
import dev.anneal.loop.TrainingLoop;
import dev.anneal.loop.Validation;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.reporting.ConsoleProgress;
import dev.anneal.reporting.ErrorBarChart;
import dev.anneal.reporting.History;
import dev.anneal.samples.cli.Cli;
import dev.anneal.samples.cli.DataOptions;
import dev.anneal.samples.data.ClassBalancedSubset;
import dev.anneal.samples.data.FashionMnist;
import dev.anneal.samples.data.Split;
import dev.anneal.samples.fashion.ClassifierTraining;
import dev.anneal.samples.fashion.FashionCnn;
import dev.anneal.samples.fashion.HistoryListener;
import dev.anneal.samples.fashion.SampleRun;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sample 3, the main job: transfer learning in the few-shot setting. A CNN is pretrained once on
 * classes 0-4 (T-shirt, trouser, pullover, dress, coat); then, from that one pretrained start, it
 * is fine-tuned with a new head on a few images per class of classes 5-9 (sandal, shirt, sneaker,
 * bag, ankle boot), for every size (10, 20, 50 images per class), seed and method:
 * <ul>
 *   <li><b>layer-wise</b>: lr per layer, smaller for lower layers (stem 1e-4, body 3e-4, head 1e-3),
 *       the backbone (stem and body) frozen for the first epoch and warmed up again when it thaws;
 *   <li><b>full</b>: plain full fine-tuning, one group, one lr, nothing frozen.
 * </ul>
 * Each seed draws its own class-balanced subset ({@link ClassBalancedSubset}) and its own head, the
 * same for both methods. Every run is evaluated on all the test images of classes 5-9; the sample
 * prints the table of mean ± sample std over the seeds, plots it with error bars, and says in its
 * last lines whether layer-wise rates with freezing helped. The three trainings are declared with
 * annotations ({@link Pretraining}, {@link LayerWiseFineTuning}, {@link FullFineTuning}); the
 * processor writes the plans.
 */
@Command(name = "TransferLearning", mixinStandardHelpOptions = true, version = "Anneal sample 3",
    description = "Sample 3: pretrain a CNN on classes 0-4, then fine-tune it on a few images per class of classes 5-9 with"
        + " layer-wise lrs and a frozen backbone, and with plain full fine-tuning, from the same start, over several seeds"
        + " (epochs, lrs, freezing, schedules: the annotations on Pretraining, LayerWiseFineTuning and FullFineTuning).")
public final class TransferLearning implements Callable<Integer> {
  private static final String LAYER_WISE = "layer-wise + frozen backbone";
  private static final String FULL = "full fine-tuning";

  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--batch", defaultValue = "64", description = "pretraining mini-batch size (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--max-train", defaultValue = "6000",
      description = "at most this many images of classes 0-4 for pretraining, to keep the run to minutes (default: ${DEFAULT-VALUE})")
  int maxTrain;

  @Option(names = "--shots", split = ",", defaultValue = "10,20,50", paramLabel = "N[,N...]",
      description = "fine-tuning set sizes, in images per class of classes 5-9 (default: ${DEFAULT-VALUE})")
  int[] shots;

  @Option(names = "--seeds", defaultValue = "5",
      description = "fine-tuning seeds per size, --seed, --seed+1, ...; each draws its own subset and head (default: ${DEFAULT-VALUE})")
  int seeds;

  @Option(names = "--fine-tune-batch", defaultValue = "25", description = "fine-tuning mini-batch size (default: ${DEFAULT-VALUE})")
  int fineTuneBatch;

  @Option(names = "--steps-per-epoch", defaultValue = "25",
      description = "fine-tuning optimizer steps per epoch, whatever the set's size: an epoch passes over a small set several times,"
          + " each pass reshuffled (default: ${DEFAULT-VALUE})")
  int stepsPerEpoch;

  @Option(names = "--out", defaultValue = "anneal-output/transfer", description = "folder for the PNG plots (default: ${DEFAULT-VALUE})")
  Path out;

  /** One fine-tuning set size: the test accuracy on classes 5-9 of each seed's run, per method. */
  public record SizeResult(int perClass, double[] layerWise, double[] full) {
    /** Layer-wise minus full, seed by seed (the runs of one seed share the subset and the head). */
    public double[] differences() {
      double[] d = new double[layerWise.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = layerWise[i] - full[i];
      }
      return d;
    }

    /** Seeds whose layer-wise run was more accurate than the full one. */
    public int layerWiseWins() {
      int wins = 0;
      for (double d : differences()) {
        if (d > 0) {
          wins++;
        }
      }
      return wins;
    }
  }

  /** The pretrained model's test accuracy on classes 0-4 and the fine-tuning results by size. */
  public record Result(double pretrained, List<SizeResult> sizes) {}

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
    int batchSize = Cli.positive("--batch", batch);
    int limit = Cli.positive("--max-train", maxTrain);
    int seedCount = Cli.positive("--seeds", seeds);
    int fineBatch = Cli.positive("--fine-tune-batch", fineTuneBatch);
    int fineSteps = Cli.positive("--steps-per-epoch", stepsPerEpoch);
    for (int n : shots) {
      Cli.positive("--shots", n);
    }
    FashionMnist fashion = SampleRun.start("Sample 3: few-shot transfer learning, layer-wise lrs + frozen backbone vs full fine-tuning",
        data.data, seed, console);
    Split pretrainTrain = first(fashion.train().filter("train 0-4", label -> label < 5), limit, seed);
    Split pretrainTest = fashion.test().filter("test 0-4", label -> label < 5);
    Split fineTrainAll = fashion.train().filter("train 5-9", label -> label >= 5).shiftLabels(5);
    Split fineTest = fashion.test().filter("test 5-9", label -> label >= 5).shiftLabels(5);

    try (NDManager manager = NDManager.newBaseManager()) {
      console.printf("%n== pretraining on classes 0-4 (%d images), once ==%n", pretrainTrain.count());
      FashionCnn pretrained = new FashionCnn(5);
      pretrained.initialize(manager, DataType.FLOAT32, FashionCnn.INPUT);
      TrainingPlan pretrainPlan = PretrainingTraining.plan(new Pretraining(pretrained),
          ClassifierTraining.stepsPerEpoch(pretrainTrain.count(), batchSize));
      ClassifierTraining pretraining = new ClassifierTraining(pretrained, pretrainPlan, pretrainTrain, batchSize, seed);
      History pretrainHistory = train(pretrainPlan, pretraining, pretraining.evaluatingOn("test", pretrainTest), "pretrain", console);
      double pretrainedAccuracy = pretraining.evaluate(pretrainTest).accuracy();
      console.printf(Locale.ROOT, "pretrained: %.2f%% test accuracy on classes 0-4%n", 100 * pretrainedAccuracy);

      console.printf(Locale.ROOT, "%n== fine-tuning on classes 5-9: %s images per class, seeds %d-%d, %d steps per epoch of %d images;"
          + " test accuracy on all %d test images of classes 5-9 ==%n", joined(shots), seed, seed + seedCount - 1, fineSteps, fineBatch,
          fineTest.count());
      console.printf("(the first seed's two runs epoch by epoch; then one line per seed)%n");
      List<SizeResult> sizes = new ArrayList<>();
      List<History> shown = new ArrayList<>();
      for (int perClass : shots) {
        double[] layerWise = new double[seedCount];
        double[] full = new double[seedCount];
        for (int i = 0; i < seedCount; i++) {
          long runSeed = seed + i;
          Split subset = ClassBalancedSubset.draw(fineTrainAll, perClass, runSeed);
          boolean show = shown.isEmpty();
          PrintStream epochLines = show ? console : null;
          if (show) {
            console.printf("-- %d per class, seed %d, %s --%n", perClass, runSeed, LAYER_WISE);
          }
          FineTuned a = fineTune(pretrained, manager, subset, fineTest, fineBatch, fineSteps, runSeed, true, epochLines);
          if (show) {
            console.printf("-- %d per class, seed %d, %s --%n", perClass, runSeed, FULL);
          }
          FineTuned b = fineTune(pretrained, manager, subset, fineTest, fineBatch, fineSteps, runSeed, false, epochLines);
          if (show) {
            shown.add(a.history());
            shown.add(b.history());
          }
          layerWise[i] = a.accuracy();
          full[i] = b.accuracy();
          console.printf(Locale.ROOT, "%3d per class (%d images), seed %d: layer-wise %.2f%%, full %.2f%%%n", perClass, subset.count(),
              runSeed, 100 * layerWise[i], 100 * full[i]);
        }
        sizes.add(new SizeResult(perClass, layerWise, full));
      }

      Result result = new Result(pretrainedAccuracy, sizes);
      printTable(console, result, seedCount, fineTest.count());
      Files.createDirectories(out);
      Path chart = out.resolve("fewshot-accuracy.png");
      accuracyChart(sizes, seedCount).writePng(chart);
      List<History> histories = new ArrayList<>(List.of(pretrainHistory));
      histories.addAll(shown);
      SampleRun.finish(out, console, histories.toArray(History[]::new));
      console.println("  " + chart.toAbsolutePath());
      console.println(verdict(sizes, seedCount));
      return result;
    }
  }

  /** A fine-tuning run's test accuracy, and what it went through. */
  private record FineTuned(double accuracy, History history) {}

  /** One fine-tuning run from the pretrained model, in a manager of its own; its test accuracy at the end. */
  private static FineTuned fineTune(FashionCnn pretrained, NDManager parent, Split train, Split test, int batchSize, int steps,
      long seed, boolean layerWise, PrintStream epochLines) {
    try (NDManager manager = parent.newSubManager()) {
      FashionCnn model = startFrom(pretrained, manager, seed);
      TrainingPlan plan = layerWise ? LayerWiseFineTuningTraining.plan(new LayerWiseFineTuning(model), steps)
          : FullFineTuningTraining.plan(new FullFineTuning(model), steps);
      ClassifierTraining training = ClassifierTraining.repeating(model, plan, train, batchSize, steps, seed);
      History history = train(plan, training, training.trainingAccuracy(), layerWise ? "finetune-layerwise" : "finetune-full",
          epochLines);
      return new FineTuned(training.evaluate(test).accuracy(), history);
    }
  }

  private static History train(TrainingPlan plan, ClassifierTraining training, Validation validation, String name,
      PrintStream console) {
    HistoryListener history = new HistoryListener(plan, new History(name));
    TrainingLoop.of(plan)
        .batchesPerEpoch(training.batchesPerEpoch())
        .train(training)
        .validate(validation)
        .listener(history)
        .progress(console == null ? ProgressListener.NONE : ConsoleProgress.onTerminal())
        .console(console)
        .run();
    return history.history();
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

  private static void printTable(PrintStream out, Result result, int seeds, int testImages) {
    out.printf(Locale.ROOT, "%n== few-shot fine-tuning from one pretrained start (%.2f%% on classes 0-4): test accuracy (%%) on the %d"
        + " test images of classes 5-9, mean ± sample std over %d seeds ==%n", 100 * result.pretrained(), testImages, seeds);
    String row = "%-13s %-29s %-17s %-22s %-17s %s%n";
    out.printf(Locale.ROOT, row, "images/class", LAYER_WISE, FULL, "layer-wise minus full", "95% interval", "layer-wise better");
    for (SizeResult size : result.sizes()) {
      Summary difference = Summary.of(size.differences());
      out.printf(Locale.ROOT, row, size.perClass(), Summary.of(size.layerWise()).format(100), Summary.of(size.full()).format(100),
          signed(difference.mean()) + (seeds > 1 ? String.format(Locale.ROOT, " ± %.2f", 100 * difference.std()) : ""),
          interval(difference), size.layerWiseWins() + " of " + seeds + " seeds");
    }
    out.println("(layer-wise minus full: in points, paired by seed, as the runs of one seed share the subset and the head;"
        + " 95% interval: Student's t interval of its mean)");
  }

  /**
   * The last line: at which sizes layer-wise lrs with freezing helped (the 95% interval of the
   * paired difference above 0), made no clear difference (it holds 0) or did worse (below 0).
   */
  static String verdict(List<SizeResult> sizes, int seeds) {
    if (seeds < 2) {
      return "verdict: none with one seed (no spread to compare the difference with); run with --seeds 2 or more";
    }
    List<String> helped = new ArrayList<>();
    List<String> unclear = new ArrayList<>();
    List<String> worse = new ArrayList<>();
    for (SizeResult size : sizes) {
      Summary d = Summary.of(size.differences());
      String entry = size.perClass() + " (" + signed(d.mean()) + " points)";
      if (d.mean() - d.halfWidth95() > 0) {
        helped.add(entry);
      } else if (d.mean() + d.halfWidth95() < 0) {
        worse.add(entry);
      } else {
        unclear.add(entry);
      }
    }
    List<String> parts = new ArrayList<>();
    if (!helped.isEmpty()) {
      parts.add("helped at " + String.join(", ", helped) + " images per class");
    }
    if (!unclear.isEmpty()) {
      parts.add((helped.isEmpty() ? "did not help: " : "") + "no clear difference from full fine-tuning at " + String.join(", ", unclear)
          + " images per class (the 95% interval of the paired difference holds 0)");
    }
    if (!worse.isEmpty()) {
      parts.add((helped.isEmpty() && unclear.isEmpty() ? "did not help: " : "") + "worse than full fine-tuning at "
          + String.join(", ", worse) + " images per class");
    }
    return "verdict over " + seeds + " seeds: layer-wise lrs + frozen backbone " + String.join("; ", parts);
  }

  private static String signed(double fraction) {
    return String.format(Locale.ROOT, "%+.2f", 100 * fraction);
  }

  private static String interval(Summary d) {
    if (d.count() < 2) {
      return "";
    }
    return String.format(Locale.ROOT, "[%+.2f, %+.2f]", 100 * (d.mean() - d.halfWidth95()), 100 * (d.mean() + d.halfWidth95()));
  }

  private static ErrorBarChart accuracyChart(List<SizeResult> sizes, int seeds) {
    int n = sizes.size();
    double[] x = new double[n];
    double[][] means = new double[2][n];
    double[][] stds = new double[2][n];
    for (int i = 0; i < n; i++) {
      SizeResult size = sizes.get(i);
      x[i] = size.perClass();
      Summary[] methods = {Summary.of(size.layerWise()), Summary.of(size.full())};
      for (int m = 0; m < 2; m++) {
        means[m][i] = 100 * methods[m].mean();
        stds[m][i] = seeds > 1 ? 100 * methods[m].std() : 0;
      }
    }
    return ErrorBarChart.titled("Few-shot fine-tuning on classes 5-9: test accuracy, mean ± sample std over " + seeds + " seeds")
        .xLabel("training images per class").yLabel("test accuracy (%)")
        .series(LAYER_WISE, x, means[0], stds[0])
        .series(FULL, x, means[1], stds[1]);
  }

  private static String joined(int[] values) {
    StringJoiner joiner = new StringJoiner(", ");
    for (int v : values) {
      joiner.add(Integer.toString(v));
    }
    return joiner.toString();
  }
}
