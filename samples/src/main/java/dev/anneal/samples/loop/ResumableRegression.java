package dev.anneal.samples.loop;

import dev.anneal.loop.ProgressListener;
import dev.anneal.loop.TrainingLoop;
import dev.anneal.loop.TrainingResult;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import dev.anneal.plan.Accumulation;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.reporting.ConsoleProgress;
import dev.anneal.samples.cli.Cli;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.typed.AdamW;
import dev.anneal.spec.typed.CosineAnnealingLR;
import dev.anneal.spec.typed.LinearWarmup;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The ready-made {@link TrainingLoop} on a plan built by hand, no engine: a linear model
 * {@code y = w.x + b} on synthetic data, AdamW with a per-group lr, the bias frozen for the first
 * epoch, linear warmup into cosine annealing per optimizer step, gradient clipping, accumulation
 * of two micro-batches, a checkpoint after every epoch, and resuming from it.
 *
 * <pre>
 * ResumableRegression [--epochs N] [--checkpoint FILE] [--resume] [--help]
 * </pre>
 */
public final class ResumableRegression {
  static final int FEATURES = 8;
  static final int BATCH = 16;
  static final int BATCHES_PER_EPOCH = 20;
  static final int ACCUMULATE = 2;
  static final int TOTAL_EPOCHS = 6;

  final Layer linear = new Layer("linear");
  final Parameter weight = linear.add("weight", FEATURES);
  final Parameter bias = Parameter.of("bias", 0f);
  private final float[] trueWeight = new float[FEATURES];

  ResumableRegression() {
    Random init = new Random(7);
    for (int i = 0; i < FEATURES; i++) {
      trueWeight[i] = (float) init.nextGaussian();
      weight.values().set(i, 0.1f * (float) init.nextGaussian());
    }
  }

  TrainingPlan plan(int epochs) {
    int perEpoch = Accumulation.stepsPerEpoch(BATCHES_PER_EPOCH, ACCUMULATE);   // ceil(micro-batches / k)
    int steps = TOTAL_EPOCHS * perEpoch;
    return TrainingPlan.builder()
        .epochs(epochs)
        .stepsPerEpoch(perEpoch)
        .optimizer(AdamW.spec().lr(0.2).weightDecay(0.001))
        .group("weight", linear)
        .group("bias", bias, g -> g.lr(0.3).weightDecay(0.0).freezeUntilEpoch(1).rewarmup(5))
        .schedule(LinearWarmup.spec().warmupSteps(10).warmupFactor(0.1)
            .then(CosineAnnealingLR.spec().tMax(steps - 10).etaMin(1e-3)), Interval.STEP)
        .clipGradNorm(5.0)
        .accumulate(ACCUMULATE)
        .build();
  }

  /** One micro-batch of mean squared error; the data depend only on (epoch, batch), so a resumed run sees the same. */
  double train(int epoch, long batch, double lossScale) {
    Random data = new Random(epoch * 100_003L + batch);
    float[] gw = new float[FEATURES];
    float gb = 0;
    double loss = 0;
    for (int n = 0; n < BATCH; n++) {
      float[] x = new float[FEATURES];
      float target = 0.5f;
      float prediction = bias.values().get(0);
      for (int i = 0; i < FEATURES; i++) {
        x[i] = (float) data.nextGaussian();
        target += trueWeight[i] * x[i];
        prediction += weight.values().get(i) * x[i];
      }
      float error = prediction - target;
      loss += (double) error * error / BATCH;
      for (int i = 0; i < FEATURES; i++) {
        gw[i] += 2 * error * x[i] / BATCH;
      }
      gb += 2 * error / BATCH;
    }
    accumulate(weight, gw, lossScale);
    accumulate(bias, new float[] {gb}, lossScale);
    return loss;
  }

  /** Adds to the gradient only where the engine would compute one: frozen parameters get none. */
  private static void accumulate(Parameter p, float[] grad, double scale) {
    if (!p.requiresGrad()) {
      return;
    }
    FloatStorage g = p.gradOrZeros();
    for (int i = 0; i < grad.length; i++) {
      g.set(i, g.get(i) + (float) scale * grad[i]);
    }
  }

  double validationLoss() {
    double sum = 0;
    for (int i = 0; i < FEATURES; i++) {
      double d = weight.values().get(i) - trueWeight[i];
      sum += d * d;
    }
    double db = bias.values().get(0) - 0.5;
    return sum + db * db;
  }

  TrainingResult run(TrainingPlan plan, Path checkpoint, PrintStream console) {
    TrainingLoop loop = TrainingLoop.of(plan)
        .train(this::train)
        .validate(epoch -> Map.of("val_loss", validationLoss()))
        .progress(console == null ? ProgressListener.NONE : ConsoleProgress.onTerminal())
        .console(console);
    if (checkpoint != null) {
      loop.checkpointEachEpoch(checkpoint);
    }
    return loop.run();
  }

  public static void main(String[] args) {
    Cli.main(new Command(), args);
  }

  /** The command line: {@code --help} lists the options. */
  @CommandLine.Command(name = "ResumableRegression", mixinStandardHelpOptions = true, version = "Anneal loop sample",
      description = {"Trains a linear model with AdamW, warmup + cosine and a bias frozen for one epoch, through the"
          + " runtime's TrainingLoop; saves a checkpoint after each epoch and resumes from it."})
  static final class Command implements Callable<Integer> {
    @Option(names = "--epochs", defaultValue = "" + TOTAL_EPOCHS,
        description = "train until this epoch (of " + TOTAL_EPOCHS + "; default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "written after every epoch (atomically)")
    Path checkpoint;

    @Option(names = "--resume", description = "continue from --checkpoint FILE")
    boolean resume;

    @Override
    public Integer call() throws IOException {
      return run(System.out);
    }

    int run(PrintStream console) throws IOException {
      ResumableRegression model = new ResumableRegression();
      TrainingPlan plan = model.plan(Cli.positive("--epochs", epochs));
      if (resume) {
        if (checkpoint == null || !Files.exists(checkpoint)) {
          throw new IllegalArgumentException("--resume needs --checkpoint FILE naming an existing checkpoint"
              + (checkpoint == null ? "" : "; " + checkpoint + " does not exist"));
        }
        plan.load(checkpoint);    // a corrupt or mismatched file is refused, with the reason
        console.println("resumed from " + checkpoint + " at " + plan.clock());
      }
      TrainingResult result = model.run(plan, checkpoint, console);
      console.println(result.message());
      console.printf("validation loss %.6f, bias %.4f (true 0.5)%n", model.validationLoss(), model.bias.values().get(0));
      return result.completed() ? 0 : 1;
    }
  }
}
