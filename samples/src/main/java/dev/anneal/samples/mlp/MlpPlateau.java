package dev.anneal.samples.mlp;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.anneal.djl.BlockParameters;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.samples.cli.Options;
import dev.anneal.samples.data.FashionMnist;
import dev.anneal.samples.data.Split;
import dev.anneal.samples.fashion.FashionLoop;
import dev.anneal.samples.fashion.FashionMlp;
import dev.anneal.samples.fashion.SampleRun;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Sample 1: an MLP on Fashion-MNIST with SGD and PyTorch's {@code ReduceLROnPlateau} watching the
 * validation loss (10% of the training images held out): when it stops improving for
 * {@code patience} epochs, every group's lr is halved, and the sample says so.
 */
public final class MlpPlateau {
  private MlpPlateau() {}

  public static void main(String[] args) throws Exception {
    SampleRun.main(args, options(), MlpPlateau::run);
  }

  /** The sample's options with their defaults. */
  public static Options options() {
    return Options.of("MlpPlateau", "Sample 1: Fashion-MNIST MLP, SGD, ReduceLROnPlateau on the validation loss.")
        .option("epochs", "10", "training epochs")
        .option("batch", "64", "mini-batch size")
        .option("lr", "0.05", "initial learning rate of the hidden layers (the head starts at half of it)")
        .option("patience", "1", "epochs without improvement before the lr drops")
        .dataOptions("anneal-output/mlp-plateau");
  }

  /** Trains and returns the final test accuracy. */
  public static double run(Options options, PrintStream out) throws Exception {
    long seed = options.longValue("seed");
    FashionMnist data = SampleRun.start("Sample 1: MLP + ReduceLROnPlateau(val_loss)", options.string("data"), seed, out);
    Split[] parts = data.train().holdOut(0.1, seed);
    int batch = options.integer("batch");
    double lr = options.number("lr");
    try (NDManager manager = NDManager.newBaseManager()) {
      FashionMlp model = new FashionMlp();
      model.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
      TrainingPlan plan = TrainingPlan.builder()
          .epochs(options.integer("epochs"))
          .stepsPerEpoch(FashionLoop.stepsPerEpoch(parts[0].count(), batch))
          .optimizer(Spec.of("SGD").with("lr", lr).with("momentum", 0.9))
          .group("hidden", BlockParameters.of("hidden", model.hidden), g -> g.set("weight_decay", 1e-4))
          .group("head", BlockParameters.of("head", model.head), g -> g.set("lr", lr / 2))
          .schedule(Spec.of("ReduceLROnPlateau").with("mode", "min").with("factor", 0.5)
              .with("patience", options.count("patience")), Interval.EPOCH)
          .monitor("val_loss")
          .build();
      FashionLoop loop = new FashionLoop("mlp-plateau", model, plan, batch, seed, out).announceLrChanges(true);
      loop.fit(parts[0], parts[1], "val");
      FashionLoop.Evaluation test = loop.evaluate(data.test());
      out.printf("final test accuracy %.2f%% (loss %.4f)%n", 100 * test.accuracy(), test.loss());
      SampleRun.finish(Path.of(options.string("out")), out, loop.history());
      return test.accuracy();
    }
  }
}
