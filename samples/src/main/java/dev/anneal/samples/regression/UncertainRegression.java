package dev.anneal.samples.regression;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.anneal.djl.BlockParameters;
import dev.anneal.djl.DjlTrainer;
import dev.anneal.djl.loss.GaussianNLLLoss;
import dev.anneal.loop.TrainingLoop;
import dev.anneal.loop.TrainingResult;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.samples.cli.Cli;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.typed.Adam;
import dev.anneal.spec.typed.CosineAnnealingLR;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A regression that also learns its own uncertainty, trained with PyTorch's
 * {@code GaussianNLLLoss}: an MLP predicts a mean and a variance for {@code y = sin(x) + noise},
 * where the noise grows with {@code |x|}; the loss {@code 0.5 (log var + (y - mean)^2 / var)}
 * rewards a small variance where the data are precise and a large one where they are not. Adam
 * with cosine decay through the runtime's {@code TrainingLoop} and {@link DjlTrainer#backward}; prints the learned standard deviation next to the
 * true one.
 */
@Command(name = "UncertainRegression", mixinStandardHelpOptions = true, version = "Anneal regression sample",
    description = "A regression with a learned variance, trained with GaussianNLLLoss.")
public final class UncertainRegression implements Callable<Integer> {
  @Option(names = "--epochs", defaultValue = "40", description = "epochs over the data (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--samples", defaultValue = "2000", description = "training points (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--batch", defaultValue = "100", description = "mini-batch size (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--seed", defaultValue = "7", description = "random seed: data and initialization (default: ${DEFAULT-VALUE})")
  long seed;

  /** The true noise's standard deviation at {@code x}. */
  static double trueStd(double x) {
    return 0.05 + 0.15 * Math.abs(x);
  }

  /** What the run learned: the final training loss and the predicted standard deviations at {@link #PROBES}. */
  public record Result(double firstLoss, double lastLoss, double[] predictedStd) {}

  static final float[] PROBES = {-2.5f, -1, 0, 1, 2.5f};

  public static void main(String[] args) {
    Cli.main(new UncertainRegression(), args);
  }

  @Override
  public Integer call() {
    run(System.out);
    return 0;
  }

  public Result run(PrintStream out) {
    int epochs = Cli.positive("--epochs", this.epochs);
    int samples = Cli.positive("--samples", this.samples);
    int batch = Cli.positive("--batch", this.batch);
    Random random = new Random(seed);
    float[] xs = new float[samples];
    float[] ys = new float[samples];
    for (int i = 0; i < samples; i++) {
      xs[i] = (float) (6 * random.nextDouble() - 3);
      ys[i] = (float) (Math.sin(xs[i]) + trueStd(xs[i]) * random.nextGaussian());
    }
    int stepsPerEpoch = (samples + batch - 1) / batch;
    try (NDManager manager = NDManager.newBaseManager()) {
      ai.djl.engine.Engine.getInstance().setRandomSeed((int) seed);
      // Two outputs per point: the mean, and the variance through softplus (positive).
      SequentialBlock model = new SequentialBlock()
          .add(Linear.builder().setUnits(32).build()).add(Activation.tanhBlock())
          .add(Linear.builder().setUnits(32).build()).add(Activation.tanhBlock())
          .add(Linear.builder().setUnits(2).build())
          .add(new LambdaBlock(o -> new NDList(o.head().get(":, 0:1"), Activation.softPlus(o.head().get(":, 1:2"))), "mean_var"));
      model.initialize(manager, DataType.FLOAT32, new Shape(batch, 1));
      TrainingPlan plan = TrainingPlan.builder().epochs(epochs).stepsPerEpoch(stepsPerEpoch)
          .optimizer(Adam.spec().lr(1e-2))
          .group("mlp", BlockParameters.of("mlp", model))
          .schedule(CosineAnnealingLR.spec().tMax(epochs * stepsPerEpoch).etaMin(1e-4), Interval.STEP)
          .build();
      // DJL's evaluate(labels, predictions): predictions (mean, var), labels (target).
      DjlTrainer trainer = new DjlTrainer(model, new GaussianNLLLoss(), plan);
      TrainingResult result = TrainingLoop.of(plan)
          .train((epoch, b, lossScale) -> {
            int from = (int) (b * batch);
            int to = Math.min(samples, from + batch);
            try (NDManager step = manager.newSubManager()) {
              NDArray x = step.create(Arrays.copyOfRange(xs, from, to), new Shape(to - from, 1));
              NDArray y = step.create(Arrays.copyOfRange(ys, from, to), new Shape(to - from, 1));
              return trainer.backward(new NDList(x), new NDList(y), lossScale).loss();
            }
          })
          .console(out)
          .run();
      double first = result.epochMetrics().get(0).get("train_loss");
      double last = result.epochMetrics().get(result.epochMetrics().size() - 1).get("train_loss");
      double[] predicted = new double[PROBES.length];
      try (NDManager probe = manager.newSubManager()) {
        NDList outputs = model.forward(new ai.djl.training.ParameterStore(probe, false),
            new NDList(probe.create(PROBES, new Shape(PROBES.length, 1))), false);
        float[] means = outputs.get(0).toFloatArray();
        float[] vars = outputs.get(1).toFloatArray();
        out.println("   x    mean  sin(x)  predicted std  true std");
        for (int i = 0; i < PROBES.length; i++) {
          predicted[i] = Math.sqrt(vars[i]);
          out.printf(Locale.ROOT, "%4.1f  %6.3f  %6.3f  %13.3f  %8.3f%n", PROBES[i], means[i], Math.sin(PROBES[i]), predicted[i],
              trueStd(PROBES[i]));
        }
      }
      return new Result(first, last, predicted);
    }
  }
}
