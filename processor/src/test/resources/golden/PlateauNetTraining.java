package test;

import dev.anneal.annotations.AnnealGenerated;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.typed.Adam;
import dev.anneal.spec.typed.LinearWarmup;
import dev.anneal.spec.typed.ReduceLROnPlateau;
import javax.annotation.processing.Generated;

/**
 * The training plan declared by the annotations of {@link PlateauNet}, written by the Anneal processor.
 * A schedule preview is next to this class as {@code PlateauNetTraining.preview.txt}.
 */
@Generated("dev.anneal.processor.AnnealProcessor")
@AnnealGenerated(
    from = "test.PlateauNet"
)
public final class PlateauNetTraining {
  private PlateauNetTraining() {
  }

  /**
   * Builds the training plan of {@code model}: 20 epochs of {@code stepsPerEpoch} optimizer steps.
   *
   * <p>Groups and the fields they hold:
   * <ul>
   *   <li>{@code low}: low</li>
   *   <li>{@code mid}: mid</li>
   *   <li>{@code top}: top</li>
   * </ul>
   */
  public static TrainingPlan plan(PlateauNet model, int stepsPerEpoch) {
    return TrainingPlan.builder()
        .epochs(20)
        .stepsPerEpoch(stepsPerEpoch)
        .optimizer(Adam.spec().lr(0.01).betas(0.9, 0.99))
        .group("low", model.low, g -> g.lr(0.0025))
        .group("mid", model.mid, g -> g.lr(0.005))
        .group("top", model.top, g -> g.lr(0.01))
        .schedule(LinearWarmup.spec().warmupSteps(2).warmupFactor(0.1).then(
            ReduceLROnPlateau.spec().mode(ReduceLROnPlateau.Mode.MAX).patience(2)), Interval.EPOCH)
        .monitor("val_acc")
        .build();
  }
}
