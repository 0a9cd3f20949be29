package dev.anneal.samples.preview;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.preview.PlanFactory;
import dev.anneal.samples.cnn.CnnClassifier;
import dev.anneal.samples.cnn.CnnClassifierTraining;
import dev.anneal.samples.fashion.FashionCnn;

/**
 * The samples' annotated models as {@link PlanFactory}s (listed in
 * {@code META-INF/services/dev.anneal.preview.PlanFactory}): each builds its plan through the
 * class the processor generated, {@code <Model>Training.plan}, exactly as the sample does.
 * {@code TinyRegressor}'s is {@code dev.anneal.samples.annotated.TinyRegressorPlan}, compiled with
 * its model.
 */
public final class SamplePlans {
  private SamplePlans() {}

  /** {@link CnnClassifier}: sample 2's DJL CNN, 200 warmup steps into a per-step cosine, one group per block. */
  public static final class Cnn implements PlanFactory {
    private NDManager manager;

    @Override
    public String name() {
      return "CnnClassifier";
    }

    @Override
    public String description() {
      return "CnnClassifier (samples/cnn, DJL): AdamW, 200 warmup steps, cosine per step, groups stem, body, head";
    }

    @Override
    public TrainingPlan plan(int stepsPerEpoch) {
      if (stepsPerEpoch == 0) {
        throw new IllegalArgumentException("CnnClassifier's steps per epoch come from the data at run time: give "
            + "--steps-per-epoch (sample 2 has 469 with the full Fashion-MNIST and batch 128) or --batches-per-epoch");
      }
      if (manager == null) {
        manager = NDManager.newBaseManager();
      }
      FashionCnn model = new FashionCnn(10);
      model.initialize(manager, DataType.FLOAT32, FashionCnn.INPUT);
      return CnnClassifierTraining.plan(new CnnClassifier(model), stepsPerEpoch);
    }

    @Override
    public void close() {
      if (manager != null) {
        manager.close();
        manager = null;
      }
    }
  }
}
