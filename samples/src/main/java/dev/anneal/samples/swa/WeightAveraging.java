package dev.anneal.samples.swa;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.anneal.djl.BlockParameters;
import dev.anneal.djl.BlockSnapshot;
import dev.anneal.djl.UpdateBn;
import dev.anneal.loop.TrainingLoop;
import dev.anneal.plan.PlanListener;
import dev.anneal.plan.TrainingClock;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.reporting.ConsoleProgress;
import dev.anneal.reporting.History;
import dev.anneal.samples.cli.Cli;
import dev.anneal.samples.cli.DataOptions;
import dev.anneal.samples.data.FashionMnist;
import dev.anneal.samples.data.Split;
import dev.anneal.samples.fashion.Batches;
import dev.anneal.samples.fashion.ClassifierTraining;
import dev.anneal.samples.fashion.FashionCnn;
import dev.anneal.samples.fashion.HistoryListener;
import dev.anneal.samples.fashion.SampleRun;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.typed.CosineAnnealingLR;
import dev.anneal.spec.typed.SWALR;
import dev.anneal.spec.typed.SequentialLR;
import dev.anneal.spec.typed.Sgd;
import dev.anneal.swa.AveragedModel;
import dev.anneal.swa.EmaDecay;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Weight averaging on the Fashion-MNIST CNN, as PyTorch's SWA recipe: SGD with momentum and a
 * cosine lr until {@code --swa-start}, then {@code SWALR} anneals to {@code --swa-lr} and the
 * weights after each epoch join an equal average ({@code AveragedModel.swa}); an EMA of every
 * step (timm's {@code ModelEmaV3} with its decay warmup) runs alongside. The CNN has BatchNorm, so
 * each average gets its own running statistics from {@code UpdateBn} (PyTorch's {@code update_bn})
 * before it is evaluated (the EMA also as timm keeps it, with its averaged statistics). Prints one
 * line per epoch, the averages' progress, and the plain model, SWA (with and without {@code
 * update_bn}) and the EMA (both ways) on the test split.
 */
@Command(name = "WeightAveraging", mixinStandardHelpOptions = true, version = "Anneal weight averaging sample",
    description = "SWA (AveragedModel, SWALR, update_bn) and EMA on the Fashion-MNIST CNN, compared with the plain model.")
public final class WeightAveraging implements Callable<Integer> {
  private static final int UPDATE_BN_BATCH = 500;

  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--epochs", defaultValue = "8", description = "epochs in all (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--swa-start", defaultValue = "5",
      description = "epochs before SWA: the weights after epoch swa-start + 1 and every later one are averaged (default: ${DEFAULT-VALUE})")
  int swaStart;

  @Option(names = "--lr", defaultValue = "0.05", description = "SGD's lr before SWA, annealed by a cosine (default: ${DEFAULT-VALUE})")
  double lr;

  @Option(names = "--swa-lr", defaultValue = "0.01", description = "the lr SWALR anneals to and holds (default: ${DEFAULT-VALUE})")
  double swaLr;

  @Option(names = "--anneal-epochs", defaultValue = "2", description = "SWALR's anneal_epochs (default: ${DEFAULT-VALUE})")
  int annealEpochs;

  @Option(names = "--ema-decay", defaultValue = "0.9999",
      description = "the EMA's decay, reached by timm's warmup 1 - (1 + step)^-0.75 (default: ${DEFAULT-VALUE})")
  double emaDecay;

  @Option(names = "--batch", defaultValue = "128", description = "mini-batch size (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--out", defaultValue = "anneal-output/weight-averaging", description = "folder for the PNG plots (default: ${DEFAULT-VALUE})")
  Path out;

  /** The test split's loss and accuracy of each model, and the averages themselves. */
  public record Result(ClassifierTraining.Evaluation plain, ClassifierTraining.Evaluation swa,
      ClassifierTraining.Evaluation swaWithoutUpdateBn, ClassifierTraining.Evaluation ema,
      ClassifierTraining.Evaluation emaAveragedStatistics, AveragedModel swaModel, AveragedModel emaModel) {}

  public static void main(String[] args) {
    Cli.main(new WeightAveraging(), args);
  }

  @Override
  public Integer call() throws Exception {
    run(System.out, plan -> {});
    return 0;
  }

  /** Trains, averages and compares; {@code watch} sees the plan before the training starts (the test records the weights SWA averages). */
  public Result run(PrintStream console, Consumer<TrainingPlan> watch) throws Exception {
    int epochs = Cli.positive("--epochs", this.epochs);
    int swaStart = Cli.count("--swa-start", this.swaStart);
    if (swaStart >= epochs) {
      throw new IllegalArgumentException("--swa-start must be less than --epochs (" + epochs + "), was " + swaStart
          + ": no epoch would be averaged");
    }
    int batchSize = Cli.positive("--batch", batch);
    FashionMnist fashion = SampleRun.start("Weight averaging: Fashion-MNIST CNN, SGD + cosine, then SWALR and SWA from epoch "
        + (swaStart + 1) + " of " + epochs + ", EMA of every step", data.data, data.seed, console);
    Split train = fashion.train();
    try (NDManager manager = NDManager.newBaseManager()) {
      FashionCnn model = new FashionCnn(10);
      model.initialize(manager, DataType.FLOAT32, FashionCnn.INPUT);
      BlockParameters cnn = BlockParameters.of("cnn", model);
      // PyTorch's recipe: the usual schedule until swa_start, then SWALR (here both in one SequentialLR).
      TrainingPlan plan = TrainingPlan.builder()
          .epochs(epochs)
          .stepsPerEpoch(ClassifierTraining.stepsPerEpoch(train.count(), batchSize))
          .optimizer(Sgd.spec().lr(lr).momentum(0.9).weightDecay(5e-4))
          .group("cnn", cnn)
          .schedule(SequentialLR.spec()
              .schedulers(CosineAnnealingLR.spec().tMax(epochs), SWALR.spec().swaLr(swaLr).annealEpochs(annealEpochs))
              .milestones(swaStart), Interval.EPOCH)
          .build();

      AveragedModel swa = AveragedModel.swa(cnn);
      swa.updateAtEpochEnds(plan, swaStart);                                  // update_parameters after each epoch from swa_start
      // timm's EMA averages the BatchNorm statistics too (buffers); update_bn is the other way, compared below.
      AveragedModel ema = AveragedModel.emaV3(cnn, EmaDecay.warmup(emaDecay, 1, 0.75)).buffers(cnn.buffers(), true);
      ema.updateEveryStep(plan);
      plan.addListener(new Progress(swa, swaStart, console));
      watch.accept(plan);

      ClassifierTraining training = new ClassifierTraining(model, plan, train, batchSize, data.seed);
      HistoryListener history = new HistoryListener(plan, new History("weight-averaging"));
      TrainingLoop.of(plan)
          .batchesPerEpoch(training.batchesPerEpoch())
          .train(training)
          .validate(training.evaluatingOn("test", fashion.test()))
          .listener(history)
          .progress(ConsoleProgress.onTerminal())
          .console(console)
          .run();

      ClassifierTraining.Evaluation plain = training.evaluate(fashion.test());
      // SWA's average has no BatchNorm statistics of its own: the ones the layers hold belong to the last
      // weights. The snapshot brings the trained model back (statistics included) after each look.
      Runnable trained = BlockSnapshot.of(model).capture();
      swa.copyToModel();
      ClassifierTraining.Evaluation swaStale = training.evaluate(fashion.test());
      UpdateBn.update(model, Batches.inOrder(manager, train, UPDATE_BN_BATCH));
      ClassifierTraining.Evaluation swaEval = training.evaluate(fashion.test());
      trained.run();
      ema.copyToModel();
      ClassifierTraining.Evaluation emaAveragedStatistics = training.evaluate(fashion.test());
      UpdateBn.update(model, Batches.inOrder(manager, train, UPDATE_BN_BATCH));
      ClassifierTraining.Evaluation emaEval = training.evaluate(fashion.test());
      trained.run();

      console.printf("test split (%d images):%n", fashion.test().count());
      row(console, "plain model (weights after the last epoch)", plain);
      row(console, "SWA of " + swa.averagedCount() + " epochs' weights, update_bn", swaEval);
      row(console, "SWA of " + swa.averagedCount() + " epochs' weights, the last weights' BatchNorm statistics", swaStale);
      String emaName = "EMA of " + plan.clock().step() + " steps (decay " + emaDecay + ", timm's warmup)";
      row(console, emaName + ", update_bn", emaEval);
      row(console, emaName + ", BatchNorm statistics averaged", emaAveragedStatistics);
      console.printf("SWA - plain: %+.2f accuracy points%n", 100 * (swaEval.accuracy() - plain.accuracy()));
      SampleRun.finish(out, console, history.history());
      return new Result(plain, swaEval, swaStale, emaEval, emaAveragedStatistics, swa, ema);
    }
  }

  private static void row(PrintStream console, String model, ClassifierTraining.Evaluation e) {
    console.printf("  %-78s accuracy %6.2f%%  loss %.4f%n", model, 100 * e.accuracy(), e.loss());
  }

  /** After each epoch from swa_start: how many epochs' weights the SWA average holds. */
  private static final class Progress implements PlanListener {
    private final AveragedModel swa;
    private final int swaStart;
    private final PrintStream console;

    Progress(AveragedModel swa, int swaStart, PrintStream console) {
      this.swa = swa;
      this.swaStart = swaStart;
      this.console = console;
    }

    @Override
    public void onEpochEnd(TrainingClock clock, Map<String, Double> metrics) {
      if (clock.epoch() > swaStart) {
        console.printf("  swa: the average holds the weights after epochs %d-%d (%d)%n", swaStart + 1, clock.epoch(),
            swa.averagedCount());
      }
    }
  }
}
