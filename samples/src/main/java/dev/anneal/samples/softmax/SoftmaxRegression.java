package dev.anneal.samples.softmax;

import dev.anneal.loop.BatchFunction;
import dev.anneal.loop.TrainingLoop;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.reporting.ConsoleProgress;
import dev.anneal.reporting.History;
import dev.anneal.samples.cli.Cli;
import dev.anneal.samples.cli.DataOptions;
import dev.anneal.samples.data.FashionMnist;
import dev.anneal.samples.data.Split;
import dev.anneal.samples.fashion.HistoryListener;
import dev.anneal.samples.fashion.SampleRun;
import dev.anneal.spec.typed.Sgd;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Sample 4, no native engine: softmax regression on Fashion-MNIST whose parameters are plain
 * Anneal parameters ({@code float[]} on the heap) and whose gradients are written by hand. The
 * runtime's training plan and loop do the rest: SGD with momentum, two groups (weight decay on the
 * weights only), gradient clipping.
 */
public final class SoftmaxRegression {
  private static final int CLASSES = 10;

  private final Parameter weight;
  private final Parameter bias;
  private final int inputs;

  SoftmaxRegression(int inputs, long seed) {
    this.inputs = inputs;
    Layer linear = new Layer("linear");
    weight = linear.add("weight", CLASSES, inputs);
    bias = linear.add("bias", CLASSES);
    Random random = new Random(seed);
    for (int i = 0; i < weight.size(); i++) {
      weight.values().set(i, (float) (random.nextGaussian() * 0.01));
    }
  }

  public static void main(String[] args) {
    Cli.main(new Command(), args);
  }

  /** The command line: {@code --help} lists the options. */
  @CommandLine.Command(name = "SoftmaxRegression", mixinStandardHelpOptions = true, version = "Anneal sample 4",
      description = "Sample 4: softmax regression with hand-written gradients on plain Anneal parameters (no native engine).")
  public static final class Command implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(names = "--epochs", defaultValue = "5", description = "training epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "mini-batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "0.01", description = "SGD learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--out", defaultValue = "anneal-output/softmax", description = "folder for the PNG plots (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws IOException {
      run(System.out);
      return 0;
    }

    /** Trains, prints one line per epoch and the plots; returns the final test accuracy. */
    public double run(PrintStream console) throws IOException {
      console.println("Sample 4: softmax regression, plain Anneal parameters, hand-written gradients");
      FashionMnist fashion = FashionMnist.load(data.data);
      console.printf("data: %s (%d training, %d test images)%n", fashion.source(), fashion.train().count(), fashion.test().count());
      Split train = fashion.train();
      int batchSize = Cli.positive("--batch", batch);
      SoftmaxRegression model = new SoftmaxRegression(train.pixels(), data.seed);
      TrainingPlan plan = TrainingPlan.builder()
          .epochs(Cli.positive("--epochs", epochs))
          .stepsPerEpoch((train.count() + batchSize - 1) / batchSize)
          .optimizer(Sgd.spec().lr(lr).momentum(0.9))
          .group("weight", model.weight, g -> g.weightDecay(1e-4))
          .group("bias", model.bias)
          .clipGradNorm(5.0)
          .build();
      Minibatches minibatches = model.new Minibatches(train, batchSize, data.seed);
      HistoryListener history = new HistoryListener(plan, new History("softmax"));
      TrainingLoop.of(plan)
          .train(minibatches)
          .validate(epoch -> minibatches.metrics(fashion.test()))
          .listener(history)
          .progress(ConsoleProgress.onTerminal())
          .console(console)
          .run();
      double accuracy = model.evaluate(fashion.test())[1];
      console.printf("final test accuracy %.2f%%%n", 100 * accuracy);
      SampleRun.finish(out, console, history.history());
      return accuracy;
    }
  }

  /**
   * The batch function: mini-batch {@code b} of a shuffle of the training set drawn for each epoch;
   * the cross-entropy's gradient, written by hand, becomes the parameters' gradient.
   */
  final class Minibatches implements BatchFunction {
    private final Split train;
    private final int batchSize;
    private final long seed;
    private final float[] gradW = new float[weight.size()];
    private final float[] gradB = new float[CLASSES];
    private int[] order;
    private int orderEpoch = -1;
    private long correct;
    private long seen;

    Minibatches(Split train, int batchSize, long seed) {
      this.train = train;
      this.batchSize = batchSize;
      this.seed = seed;
    }

    @Override
    public double train(int epoch, long batch, double lossScale) {
      if (orderEpoch != epoch) {
        order = train.shuffledOrder(seed * 1_000_003L + epoch + 1);
        orderEpoch = epoch;
        correct = 0;
        seen = 0;
      }
      int from = (int) (batch * batchSize);
      int to = Math.min(train.count(), from + batchSize);
      Arrays.fill(gradW, 0f);
      Arrays.fill(gradB, 0f);
      double loss = 0;
      for (int i = from; i < to; i++) {
        int example = order[i];
        float[] p = probabilities(train.images(), example * train.pixels());
        int label = train.labels()[example];
        loss -= Math.log(Math.max(p[label], 1e-12f));
        correct += argMax(p) == label ? 1 : 0;
        accumulateGradient(train.images(), example * train.pixels(), p, label, (float) lossScale / (to - from), gradW, gradB);
      }
      seen += to - from;
      weight.setGrad(FloatStorage.wrap(gradW));
      bias.setGrad(FloatStorage.wrap(gradB));
      return loss / (to - from);
    }

    /** The epoch's training accuracy, then test loss and accuracy. */
    Map<String, Double> metrics(Split test) {
      double[] result = evaluate(test);
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put("train_accuracy", (double) correct / seen);
      metrics.put("test_loss", result[0]);
      metrics.put("test_accuracy", result[1]);
      return metrics;
    }
  }

  float[] weightValues() {
    return weight.values().toArray();
  }

  void setWeight(int index, float value) {
    weight.values().set(index, value);
  }

  /** Softmax of {@code W x + b} for the image at {@code offset}. */
  float[] probabilities(float[] images, int offset) {
    float[] z = new float[CLASSES];
    float max = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < CLASSES; c++) {
      float sum = bias.values().get(c);
      int row = c * inputs;
      for (int j = 0; j < inputs; j++) {
        sum += weight.values().get(row + j) * images[offset + j];
      }
      z[c] = sum;
      max = Math.max(max, sum);
    }
    float total = 0;
    for (int c = 0; c < CLASSES; c++) {
      z[c] = (float) Math.exp(z[c] - max);
      total += z[c];
    }
    for (int c = 0; c < CLASSES; c++) {
      z[c] /= total;
    }
    return z;
  }

  /** Cross-entropy's gradient: {@code dz = p - onehot(label)}, {@code dW += scale dz x^T}, {@code db += scale dz}. */
  void accumulateGradient(float[] images, int offset, float[] p, int label, float scale, float[] gradW, float[] gradB) {
    for (int c = 0; c < CLASSES; c++) {
      float dz = (p[c] - (c == label ? 1f : 0f)) * scale;
      gradB[c] += dz;
      int row = c * inputs;
      for (int j = 0; j < inputs; j++) {
        gradW[row + j] += dz * images[offset + j];
      }
    }
  }

  /** {mean loss, accuracy} on a split. */
  double[] evaluate(Split split) {
    double loss = 0;
    int correct = 0;
    for (int i = 0; i < split.count(); i++) {
      float[] p = probabilities(split.images(), i * split.pixels());
      loss -= Math.log(Math.max(p[split.labels()[i]], 1e-12f));
      correct += argMax(p) == split.labels()[i] ? 1 : 0;
    }
    return new double[] {loss / split.count(), (double) correct / split.count()};
  }

  private static int argMax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
