package dev.anneal.samples.softmax;

import dev.anneal.reporting.ConsoleProgress;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Layer;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.samples.cli.Options;
import dev.anneal.samples.data.FashionMnist;
import dev.anneal.samples.data.Split;
import dev.anneal.samples.fashion.SampleRun;
import dev.anneal.reporting.History;
import dev.anneal.spec.Spec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Sample 4, no native engine: softmax regression on Fashion-MNIST whose parameters are plain
 * Anneal parameters ({@code float[]} on the heap) and whose gradients are written by hand. The
 * runtime's training plan does the rest: SGD with momentum, two groups (weight decay on the
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

  public static void main(String[] args) throws Exception {
    SampleRun.main(args, options(), SoftmaxRegression::run);
  }

  /** The sample's options with their defaults. */
  public static Options options() {
    return Options.of("SoftmaxRegression",
            "Sample 4: softmax regression with hand-written gradients on plain Anneal parameters (no native engine).")
        .option("epochs", "5", "training epochs")
        .option("batch", "64", "mini-batch size")
        .option("lr", "0.01", "SGD learning rate")
        .dataOptions("anneal-output/softmax");
  }

  /** Trains, prints one line per epoch and the plots; returns the final test accuracy. */
  public static double run(Options options, PrintStream out) throws IOException {
    long seed = options.longValue("seed");
    out.println("Sample 4: softmax regression, plain Anneal parameters, hand-written gradients");
    FashionMnist data = FashionMnist.load(options.string("data"));
    out.printf("data: %s (%d training, %d test images)%n", data.source(), data.train().count(), data.test().count());
    Split train = data.train();
    int batch = options.integer("batch");
    int epochs = options.integer("epochs");
    long stepsPerEpoch = (train.count() + batch - 1) / batch;

    SoftmaxRegression model = new SoftmaxRegression(train.pixels(), seed);
    TrainingPlan plan = TrainingPlan.builder()
        .epochs(epochs)
        .stepsPerEpoch(stepsPerEpoch)
        .optimizer(Spec.of("SGD").with("lr", options.number("lr")).with("momentum", 0.9))
        .group("weight", model.weight, g -> g.set("weight_decay", 1e-4))
        .group("bias", model.bias)
        .clipGradNorm(5.0)
        .build();

    History history = new History("softmax");
    float[] gradW = new float[model.weight.size()];
    float[] gradB = new float[CLASSES];
    while (!plan.finished()) {
      long start = System.nanoTime();
      plan.startEpoch();
      int epoch = plan.clock().epoch() + 1;
      int[] order = train.shuffledOrder(seed * 1_000_003L + epoch);
      ConsoleProgress bar = ConsoleProgress.onTerminal();
      bar.startEpoch(epoch - 1, epochs, stepsPerEpoch, 0);
      double lossSum = 0;
      int correct = 0;
      for (int from = 0, b = 0; from < train.count(); from += batch, b++) {
        int to = Math.min(train.count(), from + batch);
        history.recordLr(plan.clock().step(), Map.of("weight", plan.group("weight").lr(), "bias", plan.group("bias").lr()));
        java.util.Arrays.fill(gradW, 0f);
        java.util.Arrays.fill(gradB, 0f);
        for (int i = from; i < to; i++) {
          int example = order[i];
          float[] p = model.probabilities(train.images(), example * train.pixels());
          int label = train.labels()[example];
          lossSum -= Math.log(Math.max(p[label], 1e-12f));
          correct += argMax(p) == label ? 1 : 0;
          model.accumulateGradient(train.images(), example * train.pixels(), p, label, 1f / (to - from), gradW, gradB);
        }
        model.weight.setGrad(FloatStorage.wrap(gradW));
        model.bias.setGrad(FloatStorage.wrap(gradB));
        plan.afterBackward();
        bar.step(String.format(Locale.ROOT, "loss %.4f", lossSum / to));
      }
      bar.close();
      plan.finishEpochSteps(); // evaluation sees the epoch's final weights
      double[] test = model.evaluate(data.test());
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put("train_loss", lossSum / train.count());
      metrics.put("train_accuracy", (double) correct / train.count());
      metrics.put("test_loss", test[0]);
      metrics.put("test_accuracy", test[1]);
      double lrWeight = plan.group("weight").lr();
      double lrBias = plan.group("bias").lr();
      plan.endEpoch(metrics);
      history.recordEpoch(epoch, metrics);
      out.println(String.format(Locale.ROOT,
          "epoch %d/%d  train loss %.4f acc %.2f%%  test loss %.4f acc %.2f%%  lr weight=%.2e bias=%.2e  (%.1f s)", epoch, epochs,
          metrics.get("train_loss"), 100 * metrics.get("train_accuracy"), test[0], 100 * test[1], lrWeight, lrBias,
          (System.nanoTime() - start) / 1e9));
    }
    double accuracy = history.metric("test_accuracy").get(epochs - 1);
    out.printf("final test accuracy %.2f%%%n", 100 * accuracy);
    Path dir = Path.of(options.string("out"));
    List<Path> files = history.writeCharts(dir);
    out.println("plots written to " + dir.toAbsolutePath() + ":");
    files.forEach(file -> out.println("  " + file.toAbsolutePath()));
    return accuracy;
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
