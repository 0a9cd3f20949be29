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
import dev.anneal.plan.TrainingPlan;
import dev.anneal.samples.cli.Options;
import dev.anneal.samples.fashion.SampleRun;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;

/**
 * A regression that also learns its own uncertainty, trained with PyTorch's
 * {@code GaussianNLLLoss}: an MLP predicts a mean and a variance for {@code y = sin(x) + noise},
 * where the noise grows with {@code |x|}; the loss {@code 0.5 (log var + (y - mean)^2 / var)}
 * rewards a small variance where the data are precise and a large one where they are not. Adam
 * with cosine decay through {@link DjlTrainer}; prints the learned standard deviation next to the
 * true one.
 */
public final class UncertainRegression {
  private UncertainRegression() {}

  /** The true noise's standard deviation at {@code x}. */
  static double trueStd(double x) {
    return 0.05 + 0.15 * Math.abs(x);
  }

  /** What the run learned: the final training loss and the predicted standard deviations at {@link #PROBES}. */
  public record Result(double firstLoss, double lastLoss, double[] predictedStd) {}

  static final float[] PROBES = {-2.5f, -1, 0, 1, 2.5f};

  public static void main(String[] args) throws Exception {
    SampleRun.main(args, options(), (options, out) -> run(options, out));
  }

  public static Options options() {
    return Options.of("UncertainRegression", "A regression with a learned variance, trained with GaussianNLLLoss.")
        .option("epochs", "40", "epochs over the data")
        .option("samples", "2000", "training points")
        .option("batch", "100", "mini-batch size")
        .option("seed", "7", "random seed (data and initialization)");
  }

  public static Result run(Options options, PrintStream out) {
    int epochs = options.integer("epochs");
    int samples = options.integer("samples");
    int batch = options.integer("batch");
    Random random = new Random(options.longValue("seed"));
    float[] xs = new float[samples];
    float[] ys = new float[samples];
    for (int i = 0; i < samples; i++) {
      xs[i] = (float) (6 * random.nextDouble() - 3);
      ys[i] = (float) (Math.sin(xs[i]) + trueStd(xs[i]) * random.nextGaussian());
    }
    int stepsPerEpoch = (samples + batch - 1) / batch;
    try (NDManager manager = NDManager.newBaseManager()) {
      ai.djl.engine.Engine.getInstance().setRandomSeed((int) options.longValue("seed"));
      // Two outputs per point: the mean, and the variance through softplus (positive).
      SequentialBlock model = new SequentialBlock()
          .add(Linear.builder().setUnits(32).build()).add(Activation.tanhBlock())
          .add(Linear.builder().setUnits(32).build()).add(Activation.tanhBlock())
          .add(Linear.builder().setUnits(2).build())
          .add(new LambdaBlock(o -> new NDList(o.head().get(":, 0:1"), Activation.softPlus(o.head().get(":, 1:2"))), "mean_var"));
      model.initialize(manager, DataType.FLOAT32, new Shape(batch, 1));
      TrainingPlan plan = TrainingPlan.builder().epochs(epochs).stepsPerEpoch(stepsPerEpoch)
          .optimizer(Spec.of("Adam").with("lr", 1e-2))
          .group("mlp", BlockParameters.of("mlp", model))
          .schedule(Spec.of("CosineAnnealingLR").with("T_max", epochs * stepsPerEpoch).with("eta_min", 1e-4), Interval.STEP)
          .build();
      // DJL's evaluate(labels, predictions): predictions (mean, var), labels (target).
      DjlTrainer trainer = new DjlTrainer(model, new GaussianNLLLoss(), plan);
      double first = Double.NaN;
      double last = Double.NaN;
      for (int epoch = 1; epoch <= epochs; epoch++) {
        plan.startEpoch();
        double sum = 0;
        for (int from = 0; from < samples; from += batch) {
          int to = Math.min(samples, from + batch);
          try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(java.util.Arrays.copyOfRange(xs, from, to), new Shape(to - from, 1));
            NDArray y = step.create(java.util.Arrays.copyOfRange(ys, from, to), new Shape(to - from, 1));
            sum += trainer.trainBatch(new NDList(x), new NDList(y)).loss() * (to - from);
          }
        }
        plan.endEpoch();
        last = sum / samples;
        if (epoch == 1) {
          first = last;
        }
        if (epoch == 1 || epoch % 10 == 0 || epoch == epochs) {
          out.printf(Locale.ROOT, "epoch %d/%d  Gaussian NLL %.4f%n", epoch, epochs, last);
        }
      }
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
