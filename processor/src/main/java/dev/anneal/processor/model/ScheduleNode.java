package dev.anneal.processor.model;

import dev.anneal.processor.base.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One schedule as the runtime's {@code Spec} will describe it: the PyTorch type name, its keyword
 * arguments and children (phases of SequentialLR, members of ChainedScheduler, the schedule after
 * a warmup), and whether it steps per {@code STEP} or per {@code EPOCH}.
 */
public record ScheduleNode(String type, String interval, Map<String, Arg> kwargs, List<ScheduleNode> children, Location where) {

  public ScheduleNode {
    kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
    children = List.copyOf(children);
  }

  public boolean isPlateau() {
    return type.equals("ReduceLROnPlateau");
  }

  public boolean isStepInterval() {
    return interval.equals("STEP");
  }
}
