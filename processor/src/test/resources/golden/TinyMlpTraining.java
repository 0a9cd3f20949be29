package test;

import dev.anneal.annotations.AnnealGenerated;
import dev.anneal.param.ParameterSource;
import dev.anneal.plan.Accumulation;
import dev.anneal.plan.TrainingPlan;
import dev.anneal.schedule.Interval;
import dev.anneal.spec.typed.CosineAnnealingLR;
import dev.anneal.spec.typed.LinearLR;
import dev.anneal.spec.typed.SequentialLR;
import dev.anneal.spec.typed.Sgd;
import dev.anneal.spec.typed.StepLR;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The training plan declared by the annotations of {@link TinyMlp}, written by the Anneal processor.
 * A schedule preview is next to this class as {@code TinyMlpTraining.preview.txt}.
 */
@Generated("dev.anneal.processor.AnnealProcessor")
@AnnealGenerated(
    from = "test.TinyMlp"
)
public final class TinyMlpTraining {
  private TinyMlpTraining() {
  }

  /**
   * Builds the training plan of {@code model}: 6 epochs of {@code stepsPerEpoch} optimizer steps.
   *
   * <p>{@code stepsPerEpoch} counts optimizer steps: with {@code @Accumulate(4)},
   * {@code stepsPerEpoch(microBatches)} = {@code ceil(microBatches / 4)}; scale each loss by
   * {@code plan.lossScale(microBatches)}.
   *
   * <p>Every length counted in steps is derived from {@code stepsPerEpoch}, not from the
   * declared 50; the compile-time checks and the preview are for 50.
   *
   * <p>Groups and the fields they hold:
   * <ul>
   *   <li>{@code classifier}: head</li>
   *   <li>{@code default}: hidden, embed, norms (fields without annotations)</li>
   * </ul>
   */
  public static TrainingPlan plan(TinyMlp model, int stepsPerEpoch) {
    return TrainingPlan.builder()
        .epochs(6)
        .stepsPerEpoch(stepsPerEpoch)
        .optimizer(Sgd.spec().lr(0.1).momentum(0.9).nesterov(true))
        .group("classifier", model.head, g -> g
            .weightDecay(1.0E-4)
            .schedule(StepLR.spec().stepSize(2).gamma(0.5), Interval.EPOCH))
        .group("default", ParameterSource.concat(List.of(model.hidden, model.embed(), ParameterSource.of(model.norms))))
        .schedule(SequentialLR.spec().milestones(2).schedulers(
            LinearLR.spec().startFactor(0.1).totalIters(2),
            CosineAnnealingLR.spec().etaMin(0.001).tMax(4)), Interval.EPOCH)
        .clipGradValue(0.5)
        .accumulate(4)
        .build();
  }

  /**
   * Builds the training plan of {@code model} with the declared 50 optimizer steps per epoch.
   */
  public static TrainingPlan plan(TinyMlp model) {
    return plan(model, 50);
  }

  /**
   * The optimizer steps of an epoch of {@code microBatchesPerEpoch} micro-batches with the declared
   * {@code @Accumulate(4)}: {@code ceil(microBatchesPerEpoch / 4)}, the last over a partial window (Java's
   * {@code /} rounds down); what {@code plan(model, stepsPerEpoch)} takes.
   */
  public static int stepsPerEpoch(long microBatchesPerEpoch) {
    return Accumulation.stepsPerEpoch(microBatchesPerEpoch, 4);
  }
}
