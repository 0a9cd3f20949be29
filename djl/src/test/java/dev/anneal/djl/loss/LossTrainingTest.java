package dev.anneal.djl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.anneal.djl.BlockParameters;
import dev.anneal.djl.DjlTrainer;
import dev.anneal.djl.EngineTest;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.spec.Spec;
import org.junit.jupiter.api.Test;

/** The losses are DJL {@code Loss}es: they train through DJL's own {@code Trainer} and through {@link DjlTrainer}. */
class LossTrainingTest extends EngineTest {
  private NDArray points() {
    return manager.create(new float[][] {{1, 0}, {0, 1}, {-1, 0}, {0, -1}, {2, 0.5f}, {-0.5f, 2}});
  }

  private NDArray classes() {
    return manager.create(new long[] {0, 1, 2, 3, 0, 1});
  }

  @Test
  void trainsWithDjlsOwnTrainer() {
    SequentialBlock net = new SequentialBlock().add(Linear.builder().setUnits(4).build());
    // zero weights: the first loss is ln 4 on every run, so the check does not depend on a random start
    net.setInitializer(new ConstantInitializer(0f), ai.djl.nn.Parameter.Type.WEIGHT);
    try (Model model = Model.newInstance("ce")) {
      model.setBlock(net);
      CrossEntropyLoss loss = CrossEntropyLoss.builder().labelSmoothing(0.1).build();
      DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
          .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(6, 2));
        float first = 0;
        float last = 0;
        for (int step = 0; step < 30; step++) {
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList out = trainer.forward(new NDList(points()));
            NDArray value = trainer.getLoss().evaluate(new NDList(classes()), out);
            collector.backward(value);
            last = value.getFloat();
            if (step == 0) {
              first = last;
            }
          }
          trainer.step();
        }
        assertTrue(last < first / 2, "loss went from " + first + " to " + last);
      }
    }
  }

  @Test
  void trainsWithDjlTrainerAndAPlan() {
    SequentialBlock net = new SequentialBlock().add(Linear.builder().setUnits(1).build());
    net.setInitializer(new ConstantInitializer(0.1f), ai.djl.nn.Parameter.Type.WEIGHT);
    net.initialize(manager, DataType.FLOAT32, new Shape(6, 2));
    TrainingPlan plan = TrainingPlan.builder().epochs(1).stepsPerEpoch(40)
        .optimizer(Spec.of("SGD").with("lr", 0.1)).group("all", BlockParameters.of("all", net)).build();
    DjlTrainer trainer = new DjlTrainer(net, HuberLoss.builder().delta(0.5).build(), plan);
    NDArray y = points().matMul(manager.create(new float[][] {{2}, {-1}}));
    plan.startEpoch();
    double first = 0;
    double last = 0;
    for (int step = 0; step < 40; step++) {
      try (NDManager batch = manager.newSubManager()) {
        last = trainer.trainBatch(new NDList(points().toDevice(batch.getDevice(), false)), new NDList(y)).loss();
        if (step == 0) {
          first = last;
        }
      }
    }
    plan.endEpoch();
    assertTrue(last < first / 4, "loss went from " + first + " to " + last);
  }

  @Test
  void evaluateMapsDjlsLabelsAndPredictionsToPyTorchsOrder() {
    NDArray mean = manager.create(new float[] {0.5f, 1, 2});
    NDArray target = manager.create(new float[] {1, 1, 1});
    NDArray var = manager.create(new float[] {0.5f, 1, 2});
    GaussianNLLLoss gaussian = new GaussianNLLLoss();
    assertEquals(gaussian.forward(mean, target, var).getFloat(),
        gaussian.evaluate(new NDList(target), new NDList(mean, var)).getFloat(), 0f);

    NDArray a = manager.randomNormal(new Shape(3, 4));
    NDArray p = manager.randomNormal(new Shape(3, 4));
    NDArray n = manager.randomNormal(new Shape(3, 4));
    TripletMarginLoss triplet = new TripletMarginLoss();
    assertEquals(triplet.forward(a, p, n).getFloat(), triplet.evaluate(new NDList(), new NDList(a, p, n)).getFloat(), 0f);

    NDArray flags = manager.create(new float[] {1, -1, 1});
    MarginRankingLoss ranking = MarginRankingLoss.builder().margin(0.2).build();
    assertEquals(ranking.forward(mean, var, flags).getFloat(), ranking.evaluate(new NDList(flags), new NDList(mean, var)).getFloat(), 0f);
  }
}
