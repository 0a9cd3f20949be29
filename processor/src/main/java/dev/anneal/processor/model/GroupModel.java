package dev.anneal.processor.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parameter group: its name, the fields feeding it, hyperparameter overrides under PyTorch
 * names, freezing and an own schedule (each may be absent: {@code freeze} and {@code schedule} are
 * nullable). The default group ({@code unannotated}) collects the fields without annotations.
 */
public record GroupModel(String name, List<FieldRef> fields, boolean unannotated, Map<String, Arg> overrides, Freeze freeze,
    ScheduleNode schedule, ParamSplits splits) {

  /** Name of the group that collects the fields without annotations. */
  public static final String DEFAULT_NAME = "default";

  public GroupModel {
    fields = List.copyOf(fields);
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    splits = splits == null ? ParamSplits.NONE : splits;
  }

  public GroupModel withOverrides(Map<String, Arg> more) {
    return new GroupModel(name, fields, unannotated, more, freeze, schedule, splits);
  }

  public GroupModel withSchedule(ScheduleNode own) {
    return new GroupModel(name, fields, unannotated, overrides, freeze, own, splits);
  }

  public GroupModel withSplits(ParamSplits more) {
    return new GroupModel(name, fields, unannotated, overrides, freeze, schedule, more);
  }
}
