package dev.anneal.plan;

import dev.anneal.schedule.Interval;
import dev.anneal.spec.Spec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A schedule as declared: from a spec or a custom factory, and the unit it counts in. */
record PlannedSchedule(Spec spec, CustomSchedule custom, Interval interval) {

  PlannedSchedule {
    Objects.requireNonNull(interval, "interval");
    if ((spec == null) == (custom == null)) {
      throw new IllegalArgumentException("a schedule is either a Spec or a CustomSchedule");
    }
  }

  String describe() {
    return (spec != null ? spec.type() : "custom schedule") + " (" + interval.name().toLowerCase(java.util.Locale.ROOT) + " interval)";
  }

  /** The declaration as JSON, to recognize the same plan when a checkpoint is loaded. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("spec", spec != null ? spec.toMap() : "custom");
    map.put("interval", interval.name());
    return map;
  }
}
