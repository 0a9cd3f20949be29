package dev.anneal.samples.mlp;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.anneal.djl.BlockParameters;
import dev.anneal.loop.TrainingListener;
import dev.anneal.loop.TrainingLoop;
import dev.anneal.optim.ParamGroup;
import dev.anneal.plan.TrainingClock;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.reporting.ConsoleProgress;
import dev.anneal.reporting.History;
import dev.anneal.samples.cli.Cli;
import dev.anneal.samples.cli.DataOptions;
import dev.anneal.samples.data.FashionMnist;
import dev.anneal.samples.data.Split;
import dev.anneal.samples.fashion.ClassifierTraining;
import dev.anneal.samples.fashion.FashionMlp;
import dev.anneal.samples.fashion.HistoryListener;
import dev.anneal.samples.fashion.SampleRun;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.typed.ReduceLROnPlateau;
import dev.anneal.spec.typed.Sgd;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sample 1: an MLP on Fashion-MNIST with SGD and PyTorch's {@code ReduceLROnPlateau} watching the
 * validation loss (10% of the training images held out): when it stops improving for
 * {@code patience} epochs, every group's lr is halved, and the sample says so.
 */
@Command(name = "MlpPlateau", mixinStandardHelpOptions = true, version = "Anneal sample 1",
    description = "Sample 1: Fashion-MNIST MLP, SGD, ReduceLROnPlateau on the validation loss.")
public final class MlpPlateau implements Callable<Integer> {
  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--epochs", defaultValue = "10", description = "training epochs (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--batch", defaultValue = "64", description = "mini-batch size (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--lr", defaultValue = "0.05",
      description = "initial lr of the hidden layers; the head starts at half of it (default: ${DEFAULT-VALUE})")
  double lr;

  @Option(names = "--patience", defaultValue = "1", description = "epochs without improvement before the lr drops (default: ${DEFAULT-VALUE})")
  int patience;

  @Option(names = "--out", defaultValue = "anneal-output/mlp-plateau", description = "folder for the PNG plots (default: ${DEFAULT-VALUE})")
  Path out;

  public static void main(String[] args) {
    Cli.main(new MlpPlateau(), args);
  }

  @Override
  public Integer call() throws Exception {
    run(System.out);
    return 0;
  }

  /** Trains and returns the final test accuracy. */
  public double run(PrintStream console) throws Exception {
    FashionMnist fashion = SampleRun.start("Sample 1: MLP + ReduceLROnPlateau(val_loss)", data.data, data.seed, console);
    Split[] parts = fashion.train().holdOut(0.1, data.seed);
    int batchSize = Cli.positive("--batch", batch);
    try (NDManager manager = NDManager.newBaseManager()) {
      FashionMlp model = new FashionMlp();
      model.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
      TrainingPlan plan = TrainingPlan.builder()
          .epochs(Cli.positive("--epochs", epochs))
          .stepsPerEpoch(ClassifierTraining.stepsPerEpoch(parts[0].count(), batchSize))
          .optimizer(Sgd.spec().lr(lr).momentum(0.9))
          .group("hidden", BlockParameters.of("hidden", model.hidden), g -> g.weightDecay(1e-4))
          .group("head", BlockParameters.of("head", model.head), g -> g.lr(lr / 2))
          .schedule(ReduceLROnPlateau.spec().mode(ReduceLROnPlateau.Mode.MIN).factor(0.5)
              .patience(Cli.count("--patience", patience)), Interval.EPOCH)
          .monitor("val_loss")
          .build();
      ClassifierTraining training = new ClassifierTraining(model, plan, parts[0], batchSize, data.seed);
      HistoryListener history = new HistoryListener(plan, new History("mlp-plateau"));
      TrainingLoop.of(plan)
          .batchesPerEpoch(training.batchesPerEpoch())
          .train(training)
          .validate(training.evaluatingOn("val", parts[1]))
          .listener(history)
          .listener(new LrDrops(plan, console))
          .progress(ConsoleProgress.onTerminal())
          .console(console)
          .run();
      ClassifierTraining.Evaluation test = training.evaluate(fashion.test());
      console.printf("final test accuracy %.2f%% (loss %.4f)%n", 100 * test.accuracy(), test.loss());
      SampleRun.finish(out, console, history.history());
      return test.accuracy();
    }
  }

  /** Says so when an epoch's end lowered a group's lr (the plateau schedule reduced it). */
  private static final class LrDrops implements TrainingListener {
    private final TrainingPlan plan;
    private final PrintStream console;
    private final Map<String, Double> last = new HashMap<>();

    LrDrops(TrainingPlan plan, PrintStream console) {
      this.plan = plan;
      this.console = console;
      plan.groups().forEach(g -> last.put(g.name(), g.lr()));
    }

    @Override
    public void onEpochEnd(TrainingClock clock, Map<String, Double> metrics) {
      for (ParamGroup group : plan.groups()) {
        double before = last.put(group.name(), group.lr());
        if (group.lr() < before) {
          console.printf(Locale.ROOT, "  lr of group %s dropped: %.3g -> %.3g (no improvement in val_loss)%n", group.name(),
              before, group.lr());
        }
      }
    }
  }
}
