package dev.anneal.schedule;

import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.DescriptorProvider;
import dev.anneal.vocabulary.Values;
import java.util.List;

/**
 * Your own schedule, registered once: its descriptor and how to build it on a set of groups.
 * Register the implementation as a {@link DescriptorProvider} service, with
 * {@code @AutoService(DescriptorProvider.class)}; then {@code Spec.of("MySchedule")}, JSON and
 * annotations reach it like a built-in one.
 */
public interface SchedulerProvider extends DescriptorProvider {
  Descriptor descriptor();

  /**
   * The schedule on {@code groups} with its arguments checked and defaulted by the descriptor, and
   * its child schedules already built (for a descriptor that takes children).
   */
  AbstractLrScheduler create(GroupSource groups, Values args, List<AbstractLrScheduler> children);

  @Override
  default List<Descriptor> descriptors() {
    return List.of(descriptor());
  }
}
