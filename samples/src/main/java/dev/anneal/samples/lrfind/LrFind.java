package dev.anneal.samples.lrfind;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import dev.anneal.djl.BlockParameters;
import dev.anneal.djl.BlockSnapshot;
import dev.anneal.djl.DjlTrainer;
import dev.anneal.lrfind.LrFinder;
import dev.anneal.lrfind.LrFinderResult;
import dev.anneal.lrfind.Suggestion;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.reporting.LrFinderPlot;
import dev.anneal.samples.cli.Cli;
import dev.anneal.samples.cli.DataOptions;
import dev.anneal.samples.data.FashionMnist;
import dev.anneal.samples.data.Split;
import dev.anneal.samples.fashion.Batches;
import dev.anneal.samples.fashion.FashionCnn;
import dev.anneal.samples.fashion.SampleRun;
import dev.anneal.spec.typed.AdamW;
import java.io.PrintStream;
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
 * The lr range test on the samples' Fashion-MNIST CNN, with layer-wise lrs (stem 1e-4, body 3e-4,
 * head 1e-3, AdamW): the head's lr sweeps exponentially while the stem and body keep their
 * ratios to it; prints the sweep, the three suggestions per group, checks that the model, its
 * BatchNorm statistics and the optimizer are exactly as before, and writes the plot.
 */
@Command(name = "LrFind", mixinStandardHelpOptions = true, version = "Anneal lr finder sample",
    description = "LR range test (Lightning's lr_find, fastai's lr_find) on the Fashion-MNIST CNN.")
public final class LrFind implements Callable<Integer> {
  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--start-lr", defaultValue = "1e-6", description = "the head's lr at the first step (default: ${DEFAULT-VALUE})")
  double startLr;

  @Option(names = "--end-lr", defaultValue = "1", description = "the lr the sweep heads for (default: ${DEFAULT-VALUE})")
  double endLr;

  @Option(names = "--steps", defaultValue = "100", description = "optimizer steps of the sweep (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--batch", defaultValue = "64", description = "mini-batch size (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--out", defaultValue = "anneal-output/lrfind", description = "folder for the plot (default: ${DEFAULT-VALUE})")
  Path outDir;

  public static void main(String[] args) {
    Cli.main(new LrFind(), args);
  }

  @Override
  public Integer call() throws Exception {
    run(System.out);
    return 0;
  }

  /** Runs the test and prints it; returns the result. */
  public LrFinderResult run(PrintStream out) throws Exception {
    long seed = data.seed;
    FashionMnist fashion = SampleRun.start("LR range test: Fashion-MNIST CNN, AdamW, layer-wise lrs stem 1e-4, body 3e-4,"
        + " head 1e-3", data.data, seed, out);
    Split train = fashion.train();
    int batch = Cli.positive("--batch", this.batch);
    int steps = Cli.positive("--steps", this.steps);
    try (NDManager manager = NDManager.newBaseManager()) {
      FashionCnn model = new FashionCnn(10);
      model.initialize(manager, DataType.FLOAT32, FashionCnn.INPUT);
      long batches = (train.count() + batch - 1) / batch;
      TrainingPlan plan = TrainingPlan.builder().epochs(1).stepsPerEpoch(batches)
          .optimizer(AdamW.spec().lr(1e-3).weightDecay(0.01))
          .group("stem", BlockParameters.of("stem", model.stem), g -> g.lr(1e-4))
          .group("body", BlockParameters.of("body", model.body), g -> g.lr(3e-4))
          .group("head", BlockParameters.of("head", model.head))
          .build();
      DjlTrainer trainer = new DjlTrainer(model, Loss.softmaxCrossEntropyLoss(), plan);
      int[] order = train.shuffledOrder(seed);
      List<int[]> before = arrays(model);

      LrFinderResult result = LrFinder.of(plan)
          .range(startLr, endLr).steps(steps)
          .restoring(BlockSnapshot.of(model))
          .run((epoch, b, lossScale) -> {
            int from = (int) (b * batch);
            int to = Math.min(train.count(), from + batch);
            try (NDManager scope = manager.newSubManager()) {
              NDList images = Batches.images(scope, train, order, from, to);
              NDList labels = Batches.labels(scope, train, order, from, to);
              return trainer.trainBatch(images, labels).loss();
            }
          });

      print(result, out);
      boolean restored = equal(before, arrays(model));
      out.println(restored
          ? "restored: every weight and BatchNorm statistic of the model is bit for bit as before the test (checked),"
            + " and so are the optimizer state and the plan's clock (step " + plan.clock().step() + ")"
          : "NOT restored: the model differs from before the test");
      Path png = LrFinderPlot.writePng(result, outDir.resolve("lr-find.png"));
      out.println("plot written to " + png.toAbsolutePath());
      return result;
    }
  }

  private static void print(LrFinderResult result, PrintStream out) {
    StringJoiner ratios = new StringJoiner(", ");
    result.ratios().forEach((group, ratio) -> ratios.add(group + " x" + format(ratio)));
    out.printf(Locale.ROOT, "sweep: %s lr of group %s, %d steps asked for (lrs per group: %s)%n",
        result.mode().name().toLowerCase(Locale.ROOT), result.referenceGroup(), result.requestedSteps(), ratios);
    out.println(" step     lr(head)      loss  smoothed");
    double[] lrs = result.lrs();
    double[] raw = result.rawLosses();
    double[] smooth = result.losses();
    int every = Math.max(1, result.steps() / 12);
    for (int k = 0; k < result.steps(); k++) {
      if (k % every == 0 || k == result.steps() - 1) {
        out.printf(Locale.ROOT, "%5d  %11.3e  %8.4f  %8.4f%n", k, lrs[k], raw[k], smooth[k]);
      }
    }
    out.println(result.stoppedEarly() ? "stopped early after " + result.steps() + " steps: " + result.stopReason()
        : "ran all " + result.steps() + " steps");
    out.println("suggestions (the head's lr; the other groups keep their ratios):");
    for (Suggestion s : result.suggestions()) {
      StringJoiner groups = new StringJoiner("  ");
      result.groupLrs(s.lr()).forEach((group, lr) -> groups.add(group + " " + format(lr)));
      out.printf(Locale.ROOT, "  %-9s %-22s %s%n", s.method(), describe(s.method()), groups);
    }
  }

  private static String describe(String method) {
    return switch (method) {
      case "steepest" -> "(Lightning's default)";
      case "valley" -> "(fastai's default)";
      case "minimum" -> "(fastai: minimum / 10)";
      default -> "";
    };
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.3g", value);
  }

  /** Every array of the model (weights and BatchNorm statistics) as raw bits. */
  private static List<int[]> arrays(FashionCnn model) {
    List<int[]> out = new ArrayList<>();
    for (Pair<String, ai.djl.nn.Parameter> p : model.getParameters()) {
      float[] values = p.getValue().getArray().toFloatArray();
      int[] bits = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        bits[i] = Float.floatToRawIntBits(values[i]);
      }
      out.add(bits);
    }
    return out;
  }

  private static boolean equal(List<int[]> a, List<int[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
