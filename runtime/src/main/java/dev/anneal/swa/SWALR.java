package dev.anneal.swa;

import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.AbstractLrScheduler;
import dev.anneal.schedule.GroupSource;
import dev.anneal.schedule.PerGroup;
import java.util.Map;

/**
 * {@code torch.optim.swa_utils.SWALR}: anneals each group's lr to its {@code swa_lr} over
 * {@code anneal_epochs} positions, along a half cosine ({@code "cos"}) or a line
 * ({@code "linear"}), then holds it. Chainable as PyTorch's: each step recovers the lr the
 * annealing started from out of the group's current lr, so it composes with what ran before.
 * Each group holds its {@code swa_lr} as a hyperparameter, as PyTorch writes it into the group.
 * A group that joins later takes a scalar {@code swa_lr}, or with a per-group list its own lr.
 *
 * <p>Its position is its own count of steps (PyTorch's {@code _step_count - 1}), not {@code
 * last_epoch}: PyTorch's SWALR has no closed form, so {@code step(epoch)} still runs {@code get_lr},
 * and a {@code SequentialLR} that switches to it at {@code swa_start} (PyTorch's recipe: the usual
 * schedule, then SWALR) starts it at its second step, annealing from the lr the first schedule
 * reached, as PyTorch does.
 */
public final class SWALR extends AbstractLrScheduler {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "SWALR";
  public static final String SWA_LR = "swa_lr";
  private final PerGroup swaLrs;
  private final int annealEpochs;
  private final boolean cosine;
  private int stepCount;     // PyTorch's _step_count: zeroed by the initial step, not by a SequentialLR's undo

  /**
   * The scheduler over {@code groups}, with PyTorch's arguments.
   *
   * @param groups the groups it schedules, from the lr each has when it starts
   * @param swaLrs PyTorch's {@code swa_lrs}
   * @param annealEpochs PyTorch's {@code anneal_epochs}
   * @param annealStrategy PyTorch's {@code anneal_strategy}
   */
  public SWALR(GroupSource groups, PerGroup swaLrs, int annealEpochs, String annealStrategy) {
    super(TYPE, groups);
    if (!annealStrategy.equals("cos") && !annealStrategy.equals("linear")) {
      throw new IllegalArgumentException("SWALR anneal_strategy must be one of 'cos' or 'linear', was '" + annealStrategy + "'");
    }
    if (annealEpochs < 0) {
      throw new IllegalArgumentException("SWALR anneal_epochs must be at least 0, was " + annealEpochs);
    }
    swaLrs.checkSize(groups.size());
    this.swaLrs = swaLrs;
    this.annealEpochs = annealEpochs;
    this.cosine = annealStrategy.equals("cos");
    start();
  }

  @Override
  protected void prepareGroup(int g, ParamGroup group) {
    if (!group.has(SWA_LR)) {
      group.set(SWA_LR, swaLrs.get(g, group.lr()));
    }
  }

  private double anneal(double t) {
    return cosine ? (1 - Math.cos(Math.PI * t)) / 2 : t;
  }

  @Override
  protected void initialStep() {
    stepCount = 0;
    super.initialStep();
  }

  @Override
  protected void advance(double metric, boolean hasMetric) {
    stepCount++;
    super.advance(metric, hasMetric);
  }

  /** PyTorch's {@code step(epoch)}: {@code last_epoch} jumps, the lr is still {@code get_lr()}'s next step. */
  @Override
  public void stepTo(double epoch) {
    joinIfRoot();
    lastEpoch = (int) Math.floor(epoch);
    stepCount++;
    for (int g = 0; g < groupCount(); g++) {
      ParamGroup group = groups.get(g);
      write(g, group, computeLr(g, group));
    }
  }

  @Override
  protected void saveExtra(Map<String, Object> state) {
    state.put("_step_count", stepCount);
  }

  @Override
  protected void loadExtra(Map<String, Object> state) {
    Object saved = state.get("_step_count");
    stepCount = saved instanceof Number n ? n.intValue() : lastEpoch + 1;    // written before the count was kept
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    int step = stepCount - 1;
    if (annealEpochs == 0) {
      step = Math.max(1, step);
    }
    double swaLr = group.getDouble(SWA_LR);
    double prevT = Math.max(0, Math.min(1, (step - 1) / (double) Math.max(1, annealEpochs)));
    double prevAlpha = anneal(prevT);
    double prevLr = prevAlpha == 1 ? swaLr : (group.lr() - prevAlpha * swaLr) / (1 - prevAlpha);
    double t = Math.max(0, Math.min(1, step / (double) Math.max(1, annealEpochs)));
    double alpha = anneal(t);
    return swaLr * alpha + prevLr * (1 - alpha);
  }

  @Override
  protected double closedFormLr(int g, double base) {
    double swaLr = groups.get(g).getDouble(SWA_LR);
    int step = annealEpochs == 0 ? Math.max(1, stepCount - 1) : stepCount - 1;
    double alpha = anneal(Math.max(0, Math.min(1, step / (double) Math.max(1, annealEpochs))));
    return swaLr * alpha + base * (1 - alpha);
  }
}
