package test;

import dev.anneal.annotations.AnnealGenerated;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.typed.CosineAnnealingLR;
import dev.anneal.spec.typed.CosineWithWarmupLR;
import dev.anneal.spec.typed.CyclicLR;
import dev.anneal.spec.typed.LinearWarmup;
import dev.anneal.spec.typed.LinearWithWarmupLR;
import dev.anneal.spec.typed.OneCycleLR;
import dev.anneal.spec.typed.Sgd;
import dev.anneal.spec.typed.TimmCosineLR;
import javax.annotation.processing.Generated;

/**
 * The training plan declared by the annotations of {@link StepRecipes}, written by the Anneal processor.
 * A schedule preview is next to this class as {@code StepRecipesTraining.preview.txt}.
 */
@Generated("dev.anneal.processor.AnnealProcessor")
@AnnealGenerated(
    from = "test.StepRecipes"
)
public final class StepRecipesTraining {
  private StepRecipesTraining() {
  }

  /**
   * Builds the training plan of {@code model}: 5 epochs of {@code stepsPerEpoch} optimizer steps.
   *
   * <p>Groups and the fields they hold:
   * <ul>
   *   <li>{@code cyclic}: cyclic</li>
   *   <li>{@code timm}: timm</li>
   *   <li>{@code linear}: linear</li>
   *   <li>{@code recipe}: recipe</li>
   *   <li>{@code oneCycle}: oneCycle</li>
   *   <li>{@code default}: rest (fields without annotations)</li>
   * </ul>
   */
  public static TrainingPlan plan(StepRecipes model, int stepsPerEpoch) {
    return TrainingPlan.builder()
        .epochs(5)
        .stepsPerEpoch(stepsPerEpoch)
        .optimizer(Sgd.spec().lr(0.1).momentum(0.9))
        .group("cyclic", model.cyclic, g -> g
            .schedule(CyclicLR.spec().baseLr(0.001).maxLr(0.01), Interval.STEP))
        .group("timm", model.timm, g -> g
            .schedule(TimmCosineLR.spec().lrMin(1.0E-4).tInitial(5 * stepsPerEpoch), Interval.STEP))
        .group("linear", model.linear, g -> g
            .schedule(LinearWithWarmupLR.spec().numWarmupSteps(0).numTrainingSteps(5 * stepsPerEpoch), Interval.STEP))
        .group("recipe", model.recipe, g -> g
            .schedule(CosineWithWarmupLR.spec().numWarmupSteps(50).numTrainingSteps(5 * stepsPerEpoch), Interval.STEP))
        .group("oneCycle", model.oneCycle, g -> g
            .schedule(OneCycleLR.spec().maxLr(0.1).totalSteps(5 * stepsPerEpoch), Interval.STEP))
        .group("default", model.rest)
        .schedule(LinearWarmup.spec().warmupSteps(100).warmupFactor(0.1).then(
            CosineAnnealingLR.spec().tMax(5 * stepsPerEpoch - 100)), Interval.STEP)
        .build();
  }
}
