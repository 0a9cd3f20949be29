package dev.anneal.processor.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parameter group: its name, the fields feeding it, hyperparameter overrides under PyTorch
 * names, freezing and an own schedule (each may be absent: {@code freeze} and {@code schedule} are
 * nullable). The default group collects the fields without annotations.
 */
public record GroupModel(String name, List<FieldRef> fields, Map<String, Arg> overrides, Freeze freeze, ScheduleNode schedule) {

  public GroupModel {
    fields = List.copyOf(fields);
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
  }
}
