package dev.anneal.processor.validation;

import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Mirrors;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.EmaModel;
import dev.anneal.processor.model.ParamSplits;
import dev.anneal.processor.model.Value;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Descriptor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * Reads the class-level {@code @KindGroup}s (detectron2's per-kind lr factor and weight decay) and
 * {@code @Ema} (torchvision's {@code model_ema}), reporting each bad value on its attribute.
 */
final class RecipeExtrasReader {
  private final Report report;

  RecipeExtrasReader(Report report) {
    this.report = report;
  }

  /** The {@code @KindGroup}s of {@code type} in the order written (one, or the container's); empty after an error. */
  List<ParamSplits.KindRule> kindGroups(TypeElement type, Descriptor optimizer) {
    List<AnnotationMirror> mirrors = new ArrayList<>();
    // where each one's diagnostics land: on its attribute, or (inside the repeated annotations' container,
    // where javac finds no nested attribute) on the annotation itself
    List<Location> places = new ArrayList<>();
    Mirrors.find(type, Names.KIND_GROUP).ifPresent(single -> {
      mirrors.add(single);
      places.add(null);
    });
    Mirrors.find(type, Names.KIND_GROUPS).ifPresent(container -> {
      for (AnnotationValue item : Mirrors.list(Mirrors.value(container, "value"))) {
        mirrors.add(Mirrors.annotation(item));
        places.add(new Location(type, container, item));
      }
    });
    List<ParamSplits.KindRule> rules = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    int errors = report.errorCount();
    for (int i = 0; i < mirrors.size(); i++) {
      AnnotationMirror mirror = mirrors.get(i);
      Location item = places.get(i);
      Location at = item != null ? item : Location.of(type, mirror);
      java.util.function.Function<AnnotationValue, Location> on = value -> item != null ? item : at.at(value);
      Map<String, AnnotationValue> explicit = Mirrors.explicit(mirror);
      AnnotationValue kindValue = Mirrors.value(mirror, "kind");
      String kind = Mirrors.enumName(kindValue);
      if (kind.equals("NONE")) {
        report.add(Message.KIND_GROUP_NONE, on.apply(kindValue));
        continue;
      }
      if (!seen.add(kind)) {
        report.add(Message.KIND_GROUP_TWICE, on.apply(kindValue), kind);
        continue;
      }
      AnnotationValue factorValue = Mirrors.value(mirror, "lrFactor");
      double factor = Mirrors.doubleValue(factorValue);
      if (!(factor > 0) || Double.isInfinite(factor)) {
        report.add(Message.NOT_POSITIVE, on.apply(factorValue), "@KindGroup lrFactor", Value.showNumber(factor));
      }
      Double weightDecay = null;
      AnnotationValue decayValue = explicit.get("weightDecay");
      if (decayValue != null) {
        weightDecay = Mirrors.doubleValue(decayValue);
        if (optimizer.argument("weight_decay").isEmpty()) {
          report.add(Message.NOT_APPLICABLE, on.apply(decayValue), "@KindGroup weightDecay", optimizer.name(),
              String.join(", ", optimizer.arguments().stream().map(Argument::name).toList()));
        } else if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
          report.add(Message.NEGATIVE, on.apply(decayValue), "@KindGroup weightDecay", Value.showNumber(weightDecay));
        }
      }
      if (!explicit.containsKey("lrFactor") && decayValue == null) {
        report.add(Message.KIND_GROUP_CHANGES_NOTHING, at, kind);
        continue;
      }
      rules.add(new ParamSplits.KindRule(kind, factor, weightDecay, at));
    }
    return report.errorCount() > errors ? List.of() : rules;
  }

  /** The first epoch of the class's {@code @Swa}, or empty (also after an error). */
  Optional<Integer> swa(TypeElement type, int epochs) {
    Optional<AnnotationMirror> found = Mirrors.find(type, Names.SWA);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Location at = Location.of(type, found.get());
    if (Mirrors.find(type, Names.EMA).isPresent()) {
      report.add(Message.TWO_AVERAGES, at);
      return Optional.empty();
    }
    AnnotationValue fromValue = Mirrors.value(found.get(), "fromEpoch");
    int from = Mirrors.intValue(fromValue);
    if (from < 0) {
      report.add(Message.NEGATIVE, at.at(fromValue), "@Swa fromEpoch", from);
      return Optional.empty();
    }
    if (from >= epochs) {
      report.add(Message.OUT_OF_RANGE, at.at(fromValue), "@Swa fromEpoch",
          "must be below the training's " + epochs + " epochs (the average would never be updated), was " + from);
      return Optional.empty();
    }
    return Optional.of(from);
  }

  /** The class's {@code @Ema}, or empty (also after an error). */
  Optional<EmaModel> ema(TypeElement type, int epochs) {
    Optional<AnnotationMirror> found = Mirrors.find(type, Names.EMA);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AnnotationMirror mirror = found.get();
    Location at = Location.of(type, mirror);
    int errors = report.errorCount();
    AnnotationValue decayValue = Mirrors.value(mirror, "decay");
    double decay = Mirrors.doubleValue(decayValue);
    if (!(decay >= 0 && decay <= 1)) {
      report.add(Message.OUT_OF_RANGE, at.at(decayValue), "@Ema decay", "must be in [0, 1], was " + Value.showNumber(decay));
    }
    AnnotationValue everyValue = Mirrors.value(mirror, "everySteps");
    int every = Mirrors.intValue(everyValue);
    if (every < 1) {
      report.add(Message.NOT_POSITIVE, at.at(everyValue), "@Ema everySteps", every);
    }
    AnnotationValue batchValue = Mirrors.value(mirror, "adjustedForBatch");
    long batch = ((Number) batchValue.getValue()).longValue();
    if (batch < 0) {
      report.add(Message.NEGATIVE, at.at(batchValue), "@Ema adjustedForBatch", batch);
    }
    AnnotationValue copyValue = Mirrors.value(mirror, "copyDuringEpochs");
    int copy = Mirrors.intValue(copyValue);
    if (copy < 0) {
      report.add(Message.NEGATIVE, at.at(copyValue), "@Ema copyDuringEpochs", copy);
    } else if (copy > epochs) {
      report.add(Message.PAST_END, at.at(copyValue), "@Ema copyDuringEpochs", epochs + " epochs", copy);
    }
    double rampTau = 0;
    AnnotationValue rampValue = Mirrors.explicit(mirror).get("rampTau");
    if (rampValue != null) {
      rampTau = Mirrors.doubleValue(rampValue);
      if (!(rampTau > 0) || Double.isInfinite(rampTau)) {
        report.add(Message.NOT_POSITIVE, at.at(rampValue), "@Ema rampTau", Value.showNumber(rampTau));
      }
      for (String torchvision : List.of("everySteps", "adjustedForBatch", "copyDuringEpochs")) {
        AnnotationValue given = Mirrors.explicit(mirror).get(torchvision);
        if (given != null) {
          report.add(Message.EMA_RAMP_WITH_TORCHVISION, at.at(given), torchvision);
        }
      }
    }
    return report.errorCount() > errors ? Optional.empty() : Optional.of(new EmaModel(decay, every, batch, copy, at, rampTau));
  }
}
