package dev.anneal.samples.cnn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.samples.cli.Options;
import dev.anneal.samples.data.FashionMnist;
import dev.anneal.samples.fashion.FashionCnn;
import dev.anneal.samples.fashion.FashionLoop;
import dev.anneal.samples.fashion.SampleRun;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Sample 2: a CNN on Fashion-MNIST with AdamW, a linear warmup then cosine decay stepped every
 * optimizer step, and gradient-norm clipping, all declared by the annotations on {@link
 * CnnClassifier}, trained with PyTorch's {@code CrossEntropyLoss} with label smoothing 0.1. Reaches 90% test accuracy within 5 epochs on the full data set.
 */
public final class CnnAdamW {
  private CnnAdamW() {}

  /** What the run reached. */
  public record Result(double testAccuracy, double testLoss) {}

  public static void main(String[] args) throws Exception {
    SampleRun.main(args, options(), CnnAdamW::run);
  }

  /** The sample's options with their defaults. */
  public static Options options() {
    return Options.of("CnnAdamW",
            "Sample 2: Fashion-MNIST CNN, AdamW, linear warmup then cosine per step, gradient clipping.")
        .option("batch", "128", "mini-batch size (epochs, optimizer and schedule: the annotations on CnnClassifier)")
        .dataOptions("anneal-output/cnn-adamw");
  }

  public static Result run(Options options, PrintStream out) throws Exception {
    long seed = options.longValue("seed");
    FashionMnist data = SampleRun.start("Sample 2: CNN + AdamW + warmup/cosine + clipping", options.string("data"), seed, out);
    int batch = options.integer("batch");
    int stepsPerEpoch = (int) FashionLoop.stepsPerEpoch(data.train().count(), batch);

    try (NDManager manager = NDManager.newBaseManager()) {
      FashionCnn model = new FashionCnn(10);
      model.initialize(manager, DataType.FLOAT32, FashionCnn.INPUT);
      // Everything about the training is in CnnClassifier's annotations; the processor wrote this class.
      TrainingPlan plan = CnnClassifierTraining.plan(new CnnClassifier(model), stepsPerEpoch);
      // PyTorch's CrossEntropyLoss(label_smoothing=0.1), as @Loss declares it (DJL's softmax cross entropy has no smoothing).
      FashionLoop loop = new FashionLoop("cnn-adamw", model, plan, CnnClassifierTraining.loss(), batch, seed, out);
      loop.fit(data.train(), data.test(), "test");
      FashionLoop.Evaluation test = loop.evaluate(data.test());
      out.printf("final test accuracy %.2f%% (loss %.4f)%n", 100 * test.accuracy(), test.loss());
      SampleRun.finish(Path.of(options.string("out")), out, loop.history());
      return new Result(test.accuracy(), test.loss());
    }
  }
}
