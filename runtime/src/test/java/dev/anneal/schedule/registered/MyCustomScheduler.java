package dev.anneal.schedule.registered;

import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.AbstractLrScheduler;
import dev.anneal.schedule.GroupSource;
import dev.anneal.schedule.SchedulerProvider;
import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Values;
import java.util.List;

/**
 * A user's own scheduler, as a seed writes {@code MyCustomScheduler(optimizer, last_epoch=-1)}:
 * base lr times {@code 0.9^position}. Its descriptor takes PyTorch's {@code last_epoch}, and the
 * runtime resumes it by position like a built-in one (registered in this module's test
 * {@code META-INF/services}).
 */
public final class MyCustomScheduler extends AbstractLrScheduler {
  private MyCustomScheduler(GroupSource groups) {
    super("MyCustomScheduler", groups);
    start();
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    return closedFormLr(g, baseLrs[g]);
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return base * Math.pow(0.9, lastEpoch);
  }

  /** Its registration. */
  public static final class Provider implements SchedulerProvider {
    @Override
    public Descriptor descriptor() {
      return Descriptor.scheduler("MyCustomScheduler").origin("a user's own").summary("base lr times 0.9^position")
          .arg(Argument.lastEpoch()).build();
    }

    @Override
    public AbstractLrScheduler create(GroupSource groups, Values args, List<AbstractLrScheduler> children) {
      return new MyCustomScheduler(groups);
    }
  }
}
