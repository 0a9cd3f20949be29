package test;

import dev.anneal.annotations.AnnealGenerated;
import dev.anneal.param.ParameterSource;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.typed.CosineAnnealingLR;
import dev.anneal.spec.typed.LinearWarmup;
import dev.anneal.spec.typed.Sgd;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The training plan declared by the annotations of {@link YoloSpp}, written by the Anneal processor.
 * A schedule preview is next to this class as {@code YoloSppTraining.preview.txt}.
 */
@Generated("dev.anneal.processor.AnnealProcessor")
@AnnealGenerated(
    from = "test.YoloSpp"
)
public final class YoloSppTraining {
  private YoloSppTraining() {
  }

  /**
   * Builds the training plan of {@code model}: 30 epochs of {@code stepsPerEpoch} optimizer steps.
   *
   * <p>Every length counted in steps is derived from {@code stepsPerEpoch}, not from the
   * declared 1200; the compile-time checks and the preview are for 1200.
   *
   * <p>Groups and the fields they hold:
   * <ul>
   *   <li>{@code biases}: biases</li>
   *   <li>{@code default}: backbone, head (fields without annotations)</li>
   * </ul>
   */
  public static TrainingPlan plan(YoloSpp model, int stepsPerEpoch) {
    return TrainingPlan.builder()
        .epochs(30)
        .stepsPerEpoch(stepsPerEpoch)
        .optimizer(Sgd.spec().lr(0.01).momentum(0.937).weightDecay(5.0E-4).nesterov(true))
        .group("biases", ParameterSource.of(model.biases), g -> g.weightDecay(0.0))
        .group("default", ParameterSource.concat(List.of(model.backbone, model.head)))
        .stepWarmup(LinearWarmup.spec().warmupSteps(1000).warmupFactor(0.001))
        .schedule(CosineAnnealingLR.spec().etaMin(1.0E-4).tMax(30), Interval.EPOCH)
        .build();
  }

  /**
   * Builds the training plan of {@code model} with the declared 1200 optimizer steps per epoch.
   */
  public static TrainingPlan plan(YoloSpp model) {
    return plan(model, 1200);
  }
}
