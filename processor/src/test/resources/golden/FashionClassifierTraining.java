package test;

import dev.anneal.annotations.AnnealGenerated;
import dev.anneal.djl.BlockParameters;
import dev.anneal.djl.loss.CrossEntropyLoss;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.plan.UnfreezePolicy;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.typed.AdamW;
import dev.anneal.spec.typed.CosineAnnealingLR;
import dev.anneal.spec.typed.LinearWarmup;
import javax.annotation.processing.Generated;

/**
 * The training plan declared by the annotations of {@link FashionClassifier}, written by the Anneal processor.
 * A schedule preview is next to this class as {@code FashionClassifierTraining.preview.txt}.
 */
@Generated("dev.anneal.processor.AnnealProcessor")
@AnnealGenerated(
    from = "test.FashionClassifier"
)
public final class FashionClassifierTraining {
  private FashionClassifierTraining() {
  }

  /**
   * Builds the training plan of {@code model}: 12 epochs of {@code stepsPerEpoch} optimizer steps.
   *
   * <p>Groups and the fields they hold:
   * <ul>
   *   <li>{@code stem}: stem</li>
   *   <li>{@code body}: body</li>
   *   <li>{@code head}: head</li>
   * </ul>
   */
  public static TrainingPlan plan(FashionClassifier model, int stepsPerEpoch) {
    return TrainingPlan.builder()
        .epochs(12)
        .stepsPerEpoch(stepsPerEpoch)
        .optimizer(AdamW.spec().lr(0.001).weightDecay(0.05))
        .group("stem", BlockParameters.of("stem", model.stem), g -> g
            .lr(1.0E-4)
            .freezeUntilEpoch(3))
        .group("body", BlockParameters.of("body", model.body), g -> g
            .lr(3.0E-4)
            .freezeUntilStep(500)
            .onUnfreeze(UnfreezePolicy.RESET_STATE)
            .rewarmup(100))
        .group("head", BlockParameters.of("head", model.head), g -> g
            .lr(0.001)
            .weightDecay(0.0))
        .schedule(LinearWarmup.spec().warmupSteps(stepsPerEpoch).warmupFactor(0.01).then(
            CosineAnnealingLR.spec().etaMin(1.0E-6).tMax(11 * stepsPerEpoch)), Interval.STEP)
        .clipGradNorm(1.0)
        .build();
  }

  /**
   * The training loss declared by {@code @Loss}: PyTorch's {@code torch.nn.CrossEntropyLoss(label_smoothing=0.1, weight=[1, 1, 1, 1, 1, 1, 2, 1, 1, 1])}.
   */
  public static CrossEntropyLoss loss() {
    return CrossEntropyLoss.builder()
        .labelSmoothing(0.1)
        .weight(1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 2.0f, 1.0f, 1.0f, 1.0f)
        .build();
  }
}
