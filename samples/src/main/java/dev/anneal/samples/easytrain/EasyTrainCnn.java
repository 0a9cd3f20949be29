package dev.anneal.samples.easytrain;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.SaveModelTrainingListener;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import dev.anneal.djl.trainer.DjlPlan;
import dev.anneal.loop.TrainingLoop;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.samples.cli.Cli;
import dev.anneal.samples.cli.DataOptions;
import dev.anneal.samples.data.FashionMnist;
import dev.anneal.samples.data.Split;
import dev.anneal.samples.fashion.ClassifierTraining;
import dev.anneal.samples.fashion.FashionCnn;
import dev.anneal.samples.fashion.SampleRun;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sample 5: the Fashion-MNIST CNN trained by DJL's own {@code EasyTrain.fit}, with DJL's
 * {@code Accuracy} evaluator, logging and model saving, and an Anneal plan as its optimizer: the
 * recipe on {@link EasyTrainClassifier} (groups, warmup, per-step cosine for the head, the stem
 * frozen for the first epoch, plateau reduction on DJL's validation loss). It runs on whatever
 * device DJL finds: on a GPU the step runs there as engine operations. With {@code --compare} it
 * then trains the same recipe through {@code DjlTrainer} in Anneal's own loop and prints both
 * accuracies.
 */
@Command(name = "EasyTrainCnn", mixinStandardHelpOptions = true, version = "Anneal sample 5",
    description = "Sample 5: Fashion-MNIST CNN under DJL's EasyTrain with an annotated Anneal plan as its optimizer")
public final class EasyTrainCnn implements Callable<Integer> {
  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--batch", defaultValue = "128", description = "mini-batch size (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--out", defaultValue = "anneal-output/easytrain", description = "folder for DJL's saved model (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--compare", description = "also train the same recipe through DjlTrainer and print both accuracies")
  boolean compare;

  /** Test accuracy under EasyTrain, and through DjlTrainer when compared (else NaN). */
  public record Result(double easyTrainAccuracy, double djlTrainerAccuracy) {}

  public static void main(String[] args) {
    Cli.main(new EasyTrainCnn(), args);
  }

  @Override
  public Integer call() throws Exception {
    run(System.out);
    return 0;
  }

  public Result run(PrintStream console) throws Exception {
    FashionMnist fashion = SampleRun.start("Sample 5: CNN under DJL's EasyTrain, an annotated plan as optimizer", data.data,
        data.seed, console);
    int batchSize = Cli.positive("--batch", batch);
    int stepsPerEpoch = ClassifierTraining.stepsPerEpoch(fashion.train().count(), batchSize);
    double easy = easyTrain(fashion, batchSize, stepsPerEpoch, console);
    double djlTrainer = compare ? djlTrainer(fashion, batchSize, stepsPerEpoch, console) : Double.NaN;
    console.printf("test accuracy: EasyTrain + DjlPlan %.2f%%%s%n", 100 * easy,
        compare ? String.format(", DjlTrainer + TrainingLoop %.2f%%", 100 * djlTrainer) : "");
    return new Result(easy, djlTrainer);
  }

  private double easyTrain(FashionMnist fashion, int batchSize, int stepsPerEpoch, PrintStream console) throws Exception {
    Engine.getInstance().setRandomSeed((int) data.seed);
    try (Model model = Model.newInstance("fashion-cnn")) {
      FashionCnn cnn = new FashionCnn(10);
      model.setBlock(cnn);
      // DJL takes the optimizer before the trainer gives the blocks their arrays: the plan is built after.
      AtomicReference<TrainingPlan> plan = new AtomicReference<>();
      DjlPlan djlPlan = DjlPlan.of(plan::get);
      Files.createDirectories(out);
      DefaultTrainingConfig config = new DefaultTrainingConfig(EasyTrainClassifierTraining.loss())
          .optOptimizer(djlPlan)
          .addEvaluator(new Accuracy())
          .addTrainingListeners(TrainingListener.Defaults.basic())
          .addTrainingListeners(new SaveModelTrainingListener(out.toString()))
          .addTrainingListeners(djlPlan)
          .addTrainingListeners(epochLine(console, plan));
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(batchSize, 1, 28, 28));
        plan.set(EasyTrainClassifierTraining.plan(new EasyTrainClassifier(cnn), stepsPerEpoch));
        NDManager manager = model.getNDManager();
        EasyTrain.fit(trainer, plan.get().epochs(), dataset(manager, fashion.train(), batchSize, true),
            dataset(manager, fashion.test(), 1000, false));
        TrainingResult result = trainer.getTrainingResult();
        console.printf("EasyTrain: %d epochs, %d optimizer steps on %s, validation loss %.4f, accuracy %.2f%%%n",
            plan.get().clock().epoch(), plan.get().clock().step(), model.getNDManager().getDevice(), result.getValidateLoss(),
            100 * result.getValidateEvaluation("Accuracy"));
        return result.getValidateEvaluation("Accuracy");
      }
    }
  }

  /** The same recipe, model and data through DjlTrainer in Anneal's own loop. */
  private double djlTrainer(FashionMnist fashion, int batchSize, int stepsPerEpoch, PrintStream console) throws Exception {
    Engine.getInstance().setRandomSeed((int) data.seed);
    try (NDManager manager = NDManager.newBaseManager()) {
      FashionCnn cnn = new FashionCnn(10);
      cnn.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, FashionCnn.INPUT);
      TrainingPlan plan = EasyTrainClassifierTraining.plan(new EasyTrainClassifier(cnn), stepsPerEpoch);
      ClassifierTraining training = new ClassifierTraining(cnn, plan, EasyTrainClassifierTraining.loss(), fashion.train(),
          batchSize, data.seed);
      TrainingLoop.of(plan)
          .batchesPerEpoch(training.batchesPerEpoch())
          .train(training)
          .validate(epoch -> {
            ClassifierTraining.Evaluation test = training.evaluate(fashion.test());
            return java.util.Map.of("val_loss", test.loss(), "val_accuracy", test.accuracy());
          })
          .console(console)
          .run();
      return training.evaluate(fashion.test()).accuracy();
    }
  }

  /** One console line per epoch with DJL's evaluations and the plan's lrs. */
  private static TrainingListener epochLine(PrintStream console, AtomicReference<TrainingPlan> plan) {
    return new TrainingListenerAdapter() {
      @Override
      public void onEpoch(Trainer trainer) {
        TrainingResult result = trainer.getTrainingResult();
        StringBuilder lrs = new StringBuilder();
        plan.get().groups().forEach(g -> lrs.append(String.format(" %s %.2e", g.name(), g.lr())));
        console.printf("epoch %d: validation loss %.4f, accuracy %.2f%%; lr%s%n", plan.get().clock().epoch(),
            result.getValidateLoss(), 100 * result.getValidateEvaluation("Accuracy"), lrs);
      }
    };
  }

  private static ArrayDataset dataset(NDManager manager, Split split, int batchSize, boolean shuffle) {
    return new ArrayDataset.Builder()
        .setData(manager.create(split.images(), new Shape(split.count(), 1, split.rows(), split.cols())))
        .optLabels(manager.create(split.labels(), new Shape(split.count()))) // class indices, as CrossEntropyLoss takes them
        .setSampling(batchSize, shuffle)
        .build();
  }
}
