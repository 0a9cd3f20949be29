package dev.anneal.djl.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.anneal.djl.BlockParameters;
import dev.anneal.djl.DjlTrainer;
import dev.anneal.param.EngineStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * DJL's own {@code EasyTrain.fit} with a plan as optimizer and listener: the same recipe gives the
 * same weights as the plan driven by {@link DjlTrainer} in a hand-written loop, bit for bit on
 * the CPU's views, within float32 rounding on the engine path, which copies nothing to the host.
 */
class DjlPlanEasyTrainTest {
  private static final int EPOCHS = 3;
  private static final int BATCH = 8;
  private static final int ROWS = 48;

  private static SequentialBlock block() {
    SequentialBlock block = new SequentialBlock()
        .add(Linear.builder().setUnits(6).build())
        .add(ai.djl.nn.Activation::relu)
        .add(Linear.builder().setUnits(3).build());
    block.setInitializer(new NormalInitializer(0.3f), ai.djl.nn.Parameter.Type.WEIGHT);
    return block;
  }

  /** AdamW, per-step cosine after a one-epoch warmup, the first layer frozen for the first epoch, a plateau on val_loss. */
  private static TrainingPlan plan(SequentialBlock block, BiFunction<String, Block, BlockParameters> bind) {
    return TrainingPlan.builder()
        .epochs(EPOCHS)
        .stepsPerEpoch(ROWS / BATCH)
        .optimizer(Spec.of("AdamW").with("lr", 0.02).with("weight_decay", 0.01))
        .schedule(Spec.of("CosineAnnealingLR").with("T_max", EPOCHS * ROWS / BATCH), Interval.STEP)
        .clipGradNorm(1.0)
        .group("stem", bind.apply("stem", block.getChildren().valueAt(0)), g -> g.freezeUntilEpoch(1))
        .group("head", bind.apply("head", block.getChildren().valueAt(2)), g -> g.lr(0.05))
        .build();
  }

  private static float[][] data(NDManager manager) {
    java.util.Random random = new java.util.Random(7);
    float[] x = new float[ROWS * 4];
    float[] y = new float[ROWS];
    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < 4; c++) {
        x[r * 4 + c] = (float) random.nextGaussian();
      }
      y[r] = x[r * 4] + x[r * 4 + 1] > 0 ? (x[r * 4 + 2] > 0 ? 2 : 1) : 0;
    }
    return new float[][] {x, y};
  }

  private static ArrayDataset dataset(NDManager manager) {
    float[][] d = data(manager);
    return new ArrayDataset.Builder()
        .setData(manager.create(d[0], new Shape(ROWS, 4)))
        .optLabels(manager.create(d[1], new Shape(ROWS)))
        .setSampling(BATCH, false)
        .build();
  }

  private static float[] weights(Block block) {
    List<Float> all = new ArrayList<>();
    block.getParameters().values().forEach(p -> {
      for (float v : p.getArray().toFloatArray()) {
        all.add(v);
      }
    });
    float[] out = new float[all.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = all.get(i);
    }
    return out;
  }

  private record Run(float[] weights, TrainingPlan plan, long hostBytes) {}

  private static Run easyTrain(BiFunction<String, Block, BlockParameters> bind) throws Exception {
    try (Model model = Model.newInstance("easy")) {
      Engine.getInstance().setRandomSeed(11);
      SequentialBlock block = block();
      model.setBlock(block);
      DjlPlan djlPlan = DjlPlan.of(() -> plan(block, bind));
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(djlPlan)
          .addEvaluator(new Accuracy())
          .addTrainingListeners(TrainingListener.Defaults.basic())
          .addTrainingListeners(djlPlan);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(BATCH, 4));
        ArrayDataset train = dataset(model.getNDManager());
        long before = EngineStorage.hostBytes();
        EasyTrain.fit(trainer, EPOCHS, train, train);
        long moved = EngineStorage.hostBytes() - before;
        return new Run(weights(block), djlPlan.plan(), moved);
      }
    }
  }

  /** The same recipe in a hand-written loop over the same batches, through DjlTrainer. */
  private static float[] handWritten() throws Exception {
    try (Model model = Model.newInstance("hand")) {
      Engine.getInstance().setRandomSeed(11);
      SequentialBlock block = block();
      model.setBlock(block);
      NDManager manager = model.getNDManager();
      block.initialize(manager, DataType.FLOAT32, new Shape(BATCH, 4));
      TrainingPlan plan = plan(block, BlockParameters::of);
      DjlTrainer trainer = new DjlTrainer(block, Loss.softmaxCrossEntropyLoss(), plan);
      ArrayDataset data = dataset(manager);
      for (int epoch = 0; epoch < EPOCHS; epoch++) {
        plan.startEpoch();
        for (Batch batch : data.getData(manager)) {
          trainer.trainBatch(batch.getData(), batch.getLabels());
          batch.close();
        }
        double valLoss = 0;
        int batches = 0;
        for (Batch batch : data.getData(manager)) {
          valLoss += trainer.evaluateBatch(batch.getData(), batch.getLabels()).loss();
          batches++;
          batch.close();
        }
        plan.finishEpochSteps();
        plan.endEpoch(Map.of("val_loss", valLoss / batches));
      }
      return weights(block);
    }
  }

  @Test
  void easyTrainRunsThePlanAsTheHandWrittenLoopDoes() throws Exception {
    Run viewed = easyTrain(BlockParameters::of);
    assertEquals(EPOCHS, viewed.plan().clock().epoch());
    assertEquals((long) EPOCHS * ROWS / BATCH, viewed.plan().clock().step());
    assertArrayEquals(handWritten(), viewed.weights(), "EasyTrain with DjlPlan against DjlTrainer, bit for bit");
  }

  @Test
  void theEnginePathTrainsTheSameAndCopiesNothingToTheHost() throws Exception {
    Run viewed = easyTrain(BlockParameters::of);
    Run onEngine = easyTrain(BlockParameters::onEngine);
    for (Parameter p : onEngine.plan().parameters()) {
      assertTrue(p.values() instanceof EngineStorage, p.name() + " runs on the engine");
    }
    assertEquals(0, onEngine.hostBytes(), "bytes Anneal copied between host and device in " + EPOCHS + " epochs");
    float[] want = viewed.weights();
    float[] got = onEngine.weights();
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], 1e-5 + 1e-4 * Math.abs(want[i]), "weight " + i);
    }
    assertFalse(java.util.Arrays.equals(new float[want.length], want));
  }

  /**
   * One epoch under EasyTrain with DJL's model saving and the plan's training state beside it,
   * then a new model loaded from both and two more epochs: the weights of three straight epochs,
   * bit for bit.
   */
  @Test
  void theTrainingStateBesideDjlsModelSavingResumesExactly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    float[] straight = easyTrain(BlockParameters::of).weights();
    try (Model model = Model.newInstance("resume")) {
      Engine.getInstance().setRandomSeed(11);
      SequentialBlock block = block();
      model.setBlock(block);
      DjlPlan first = DjlPlan.of(() -> plan(block, BlockParameters::of)).saveTrainingStateTo(dir);
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(first)
          .addTrainingListeners(TrainingListener.Defaults.basic())
          .addTrainingListeners(new ai.djl.training.listener.SaveModelTrainingListener(dir.toString()))
          .addTrainingListeners(first);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(BATCH, 4));
        ArrayDataset data = dataset(model.getNDManager());
        EasyTrain.fit(trainer, 1, data, data);
      }
    }
    try (Model model = Model.newInstance("resume")) {
      SequentialBlock block = block();
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(BATCH, 4));
      model.load(dir, "resume");
      DjlPlan second = DjlPlan.of(() -> plan(block, BlockParameters::of)).resumeFrom(dir.resolve("anneal-state-0001.anneal"));
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(second)
          .addTrainingListeners(TrainingListener.Defaults.basic())
          .addTrainingListeners(second);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(BATCH, 4));
        ArrayDataset data = dataset(model.getNDManager());
        EasyTrain.fit(trainer, EPOCHS - 1, data, data);
        assertEquals(EPOCHS, second.plan().clock().epoch());
      }
      assertArrayEquals(straight, weights(block), "resumed after one epoch against three straight");
    }
  }
}
