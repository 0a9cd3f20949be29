package dev.anneal.samples.cnn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.anneal.loop.TrainingLoop;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.reporting.ConsoleProgress;
import dev.anneal.reporting.History;
import dev.anneal.samples.cli.Cli;
import dev.anneal.samples.cli.DataOptions;
import dev.anneal.samples.data.FashionMnist;
import dev.anneal.samples.fashion.ClassifierTraining;
import dev.anneal.samples.fashion.FashionCnn;
import dev.anneal.samples.fashion.HistoryListener;
import dev.anneal.samples.fashion.SampleRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sample 2: a CNN on Fashion-MNIST with AdamW, a linear warmup then cosine decay stepped every
 * optimizer step, and gradient-norm clipping, all declared by the annotations on {@link
 * CnnClassifier}, trained with PyTorch's {@code CrossEntropyLoss} with label smoothing 0.1. Reaches 90% test
 * accuracy within 5 epochs on the full data set.
 */
@Command(name = "CnnAdamW", mixinStandardHelpOptions = true, version = "Anneal sample 2",
    description = "Sample 2: Fashion-MNIST CNN, AdamW, linear warmup then cosine per step, gradient clipping"
        + " (epochs, optimizer and schedule: the annotations on CnnClassifier).")
public final class CnnAdamW implements Callable<Integer> {
  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--batch", defaultValue = "128", description = "mini-batch size (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--out", defaultValue = "anneal-output/cnn-adamw", description = "folder for the PNG plots (default: ${DEFAULT-VALUE})")
  Path out;

  /** What the run reached. */
  public record Result(double testAccuracy, double testLoss) {}

  public static void main(String[] args) {
    Cli.main(new CnnAdamW(), args);
  }

  @Override
  public Integer call() throws Exception {
    run(System.out);
    return 0;
  }

  public Result run(PrintStream console) throws Exception {
    FashionMnist fashion = SampleRun.start("Sample 2: CNN + AdamW + warmup/cosine + clipping", data.data, data.seed, console);
    int batchSize = Cli.positive("--batch", batch);
    try (NDManager manager = NDManager.newBaseManager()) {
      FashionCnn model = new FashionCnn(10);
      model.initialize(manager, DataType.FLOAT32, FashionCnn.INPUT);
      // Everything about the training is in CnnClassifier's annotations; the processor wrote this class.
      TrainingPlan plan = CnnClassifierTraining.plan(new CnnClassifier(model),
          ClassifierTraining.stepsPerEpoch(fashion.train().count(), batchSize));
      // PyTorch's CrossEntropyLoss(label_smoothing=0.1), as @Loss declares it (DJL's softmax cross entropy has no smoothing).
      ClassifierTraining training = new ClassifierTraining(model, plan, CnnClassifierTraining.loss(), fashion.train(), batchSize,
          data.seed);
      HistoryListener history = new HistoryListener(plan, new History("cnn-adamw"));
      TrainingLoop.of(plan)
          .batchesPerEpoch(training.batchesPerEpoch())
          .train(training)
          .validate(training.evaluatingOn("test", fashion.test()))
          .listener(history)
          .progress(ConsoleProgress.onTerminal())
          .console(console)
          .run();
      ClassifierTraining.Evaluation test = training.evaluate(fashion.test());
      console.printf("final test accuracy %.2f%% (loss %.4f)%n", 100 * test.accuracy(), test.loss());
      SampleRun.finish(out, console, history.history());
      return new Result(test.accuracy(), test.loss());
    }
  }
}
