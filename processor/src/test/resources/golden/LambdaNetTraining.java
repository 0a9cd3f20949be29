package test;

import dev.anneal.annotations.AnnealGenerated;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.schedule.GroupSource;
import dev.anneal.schedule.Interval;
import dev.anneal.schedule.LambdaLR;
import dev.anneal.schedule.MultiplicativeLR;
import dev.anneal.spec.typed.RmsProp;
import javax.annotation.processing.Generated;

/**
 * The training plan declared by the annotations of {@link LambdaNet}, written by the Anneal processor.
 * A schedule preview is next to this class as {@code LambdaNetTraining.preview.txt}.
 */
@Generated("dev.anneal.processor.AnnealProcessor")
@AnnealGenerated(
    from = "test.LambdaNet"
)
public final class LambdaNetTraining {
  private LambdaNetTraining() {
  }

  /**
   * Builds the training plan of {@code model}: 4 epochs of {@code stepsPerEpoch} optimizer steps.
   *
   * <p>Groups and the fields they hold:
   * <ul>
   *   <li>{@code head}: head</li>
   *   <li>{@code default}: body (fields without annotations)</li>
   * </ul>
   */
  public static TrainingPlan plan(LambdaNet model, int stepsPerEpoch) {
    return TrainingPlan.builder()
        .epochs(4)
        .stepsPerEpoch(stepsPerEpoch)
        .optimizer(RmsProp.spec().lr(0.01))
        .group("head", model.head, g -> g
            .schedule((optimizer, groups) -> new MultiplicativeLR(GroupSource.fixed(groups), new LambdaNet.Decay()), Interval.EPOCH))
        .group("default", model.body)
        .schedule((optimizer, groups) -> new LambdaLR(GroupSource.fixed(groups), new LambdaNet.InverseSqrt()), Interval.STEP)
        .build();
  }
}
