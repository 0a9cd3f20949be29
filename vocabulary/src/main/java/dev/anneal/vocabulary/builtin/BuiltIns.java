package dev.anneal.vocabulary.builtin;

import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.DescriptorProvider;
import java.util.ArrayList;
import java.util.List;

/** The descriptors that ship with Anneal: every optimizer and scheduler (and, from the losses' module work, loss). */
public final class BuiltIns implements DescriptorProvider {
  private static final List<Descriptor> ALL = load();

  private static List<Descriptor> load() {
    List<Descriptor> all = new ArrayList<>(OptimizerDescriptors.all());
    all.addAll(SchedulerDescriptors.all());
    all.addAll(FastaiDescriptors.all());
    all.addAll(LossDescriptors.all());
    return List.copyOf(all);
  }

  @Override
  public List<Descriptor> descriptors() {
    return ALL;
  }
}
