package dev.anneal.processor.model;

import dev.anneal.vocabulary.Descriptor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * Everything the annotations of one model class say, checked and ready to write: training length,
 * optimizer, groups in declaration order, the main schedule, the plan-wide settings and the loss.
 * Nullable: {@code schedule}, {@code monitor}, {@code clipNorm}, {@code clipValue}, {@code loss}, {@code ema}, {@code swaFromEpoch}
 * ({@code @Swa}'s first epoch), {@code plateauOnTop} (a {@code @ReduceLrOnPlateau} stepped per epoch after {@code schedule},
 * a second scheduler on the optimizer). {@code stepsPerEpoch} is 0 when it is only known at run time; {@code accumulate}
 * is 1 without accumulation; {@code windowLossScale}: {@code @Accumulate(lossScale = WINDOW)}.
 */
public record TrainingModel(
    TypeElement type,
    String packageName,
    String generatedName,
    int epochs,
    int stepsPerEpoch,
    Descriptor optimizer,
    Map<String, Arg> optimizerKwargs,
    List<GroupModel> groups,
    ScheduleNode schedule,
    String monitor,
    Clip clipNorm,
    Double clipValue,
    int accumulate,
    LossModel loss,
    EmaModel ema,
    Integer swaFromEpoch,
    ScheduleNode.Plateau plateauOnTop,
    boolean windowLossScale) {

  public TrainingModel {
    optimizerKwargs = Collections.unmodifiableMap(new LinkedHashMap<>(optimizerKwargs));
    groups = List.copyOf(groups);
  }

  /** A model without an EMA of the weights and without plateau reduction on top of the main schedule. */
  public TrainingModel(TypeElement type, String packageName, String generatedName, int epochs, int stepsPerEpoch,
      Descriptor optimizer, Map<String, Arg> optimizerKwargs, List<GroupModel> groups, ScheduleNode schedule, String monitor,
      Clip clipNorm, Double clipValue, int accumulate, LossModel loss) {
    this(type, packageName, generatedName, epochs, stepsPerEpoch, optimizer, optimizerKwargs, groups, schedule, monitor,
        clipNorm, clipValue, accumulate, loss, null, null, null, false);
  }

  /** Gradient norm clipping as PyTorch's {@code clip_grad_norm_(max_norm, norm_type, error_if_nonfinite)}. */
  public record Clip(double maxNorm, double normType, boolean errorIfNonfinite, boolean defaults) {}

  /** {@return the optimizer's PyTorch name ({@code AdamW}), as specs name it} */
  public String optimizerName() {
    return optimizer.name();
  }

  /** The base lr of a group: its override, or the optimizer's (the descriptor's default when neither says). */
  public double lrOf(GroupModel group) {
    Arg own = group.overrides().get("lr");
    if (own != null) {
      return own.asDouble();
    }
    Arg lr = optimizerKwargs.get("lr");
    return lr != null ? lr.asDouble() : optimizer.argument("lr").map(a -> ((Number) a.defaultValue()).doubleValue()).orElse(0.0);
  }
}
