package dev.anneal.schedule.recipe;

import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.AbstractLrScheduler;
import dev.anneal.schedule.GroupSource;
import dev.anneal.schedule.PerGroup;
import dev.anneal.vocabulary.Values;
import dev.anneal.vocabulary.builtin.WarmupRestarts;
import java.util.Map;

/**
 * katsura-jp's {@code CosineAnnealingWarmupRestarts} ({@code cosine_annealing_warmup/scheduler.py}):
 * cycles of a linear warmup from {@code min_lr} to the cycle's peak {@code max_lr * gamma^cycle},
 * then half a cosine back towards {@code min_lr}; each cycle after its warmup {@code cycle_mult}
 * times longer. The lrs are absolute (each group's own lr is ignored) and every group holds
 * {@code min_lr} right after construction, as the reference's {@code init_lr} leaves it.
 *
 * <p>The state is the reference's own ({@code step_in_cycle}, {@code cycle}, {@code cur_cycle_steps})
 * and moves as its {@code step()} moves it, so the quirks come along: a step wraps at most once, so
 * a scheduler built at {@code last_epoch = k} past the first cycle takes several steps to catch up,
 * and {@link #stepTo} is the reference's {@code step(epoch)}, which keeps the cycle count when the
 * epoch falls inside the first cycle. {@code max_lr} and {@code min_lr} may be lists, one per group
 * (Anneal's extension; a group that joins later peaks at its own lr and starts from group 0's
 * {@code min_lr}).
 */
public final class CosineAnnealingWarmupRestarts extends AbstractLrScheduler {
  public static final String TYPE = "CosineAnnealingWarmupRestarts";
  private final int firstCycleSteps;
  private final double cycleMult;
  private final int warmupSteps;
  private final double gamma;
  private final PerGroup maxLrs;
  private final PerGroup minLrs;
  /** The reference's {@code step_in_cycle}: a fraction after a fractional {@code step(epoch)}. */
  private double stepInCycle;
  /** The reference's {@code cycle}: how many restarts so far. */
  private double cycle;
  /** The reference's {@code cur_cycle_steps}. */
  private double cycleSteps;

  /** @param k the arguments, checked and defaulted by the descriptor */
  public CosineAnnealingWarmupRestarts(GroupSource groups, Values k) {
    super(TYPE, groups);
    this.firstCycleSteps = k.integer("first_cycle_steps");
    this.cycleMult = k.number("cycle_mult");
    this.warmupSteps = k.integer("warmup_steps");
    this.gamma = k.number("gamma");
    this.maxLrs = PerGroup.of(k, "max_lr");
    this.minLrs = PerGroup.of(k, "min_lr");
    maxLrs.checkSize(groups.size());
    minLrs.checkSize(groups.size());
    this.stepInCycle = groups.lastEpoch();
    this.cycleSteps = firstCycleSteps;
    start();
    writeMinLrs();
  }

  /** The reference's {@code init_lr}, run once after the construction step: every group at its {@code min_lr}. */
  private void writeMinLrs() {
    for (int g = 0; g < groupCount(); g++) {
      write(g, groups.get(g), minLr(g));
    }
  }

  private double minLr(int g) {
    return minLrs.get(g, minLrs.get(0, Double.NaN));
  }

  private double peak(int g) {
    return maxLrs.get(g, groups.get(g).getDouble(ParamGroup.INITIAL_LR)) * Math.pow(gamma, cycle);
  }

  @Override
  protected void onRegister(int g, ParamGroup group) {
    baseLrs[g] = minLr(g); // the reference's init_lr: base_lrs are min_lr
  }

  /**
   * As if constructed now (a warmup hands over this way). A {@code SequentialLR} that holds this
   * schedule only takes back its construction step ({@code reset}, PyTorch's undo of
   * {@code last_epoch}), so there the cycle state stays and the first step goes on from it.
   */
  @Override
  public void restart() {
    stepInCycle = -1;
    cycle = 0;
    cycleSteps = firstCycleSteps;
    super.restart();
    writeMinLrs();
  }

  @Override
  protected void advance(double metric, boolean hasMetric) {
    stepInCycle += 1;
    if (stepInCycle >= cycleSteps) {
      cycle += 1;
      stepInCycle -= cycleSteps;
      cycleSteps = WarmupRestarts.nextCycleSteps(cycleSteps, cycleMult, warmupSteps);
    }
    super.advance(metric, hasMetric);
  }

  /** The reference's {@code step(epoch)}: the cycle from the epoch, by its own formula. */
  @Override
  public void stepTo(double epoch) {
    if (epoch >= firstCycleSteps) {
      if (cycleMult == 1.0) {
        stepInCycle = epoch % firstCycleSteps;
        cycle = Math.floor(epoch / firstCycleSteps);
      } else {
        int n = (int) (Math.log(epoch / firstCycleSteps * (cycleMult - 1) + 1) / Math.log(cycleMult));
        cycle = n;
        stepInCycle = epoch - (long) (firstCycleSteps * (Math.pow(cycleMult, n) - 1) / (cycleMult - 1));
        cycleSteps = firstCycleSteps * Math.pow(cycleMult, n);
      }
    } else {
      cycleSteps = firstCycleSteps;
      stepInCycle = epoch;
    }
    super.stepTo(epoch);
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    return closedFormLr(g, baseLrs[g]);
  }

  /** The lr at the current state: what every step writes, and what a group joining now gets. */
  @Override
  protected double closedFormLr(int g, double base) {
    return WarmupRestarts.lr(minLr(g), peak(g), stepInCycle, cycleSteps, warmupSteps);
  }

  @Override
  protected void saveExtra(Map<String, Object> state) {
    state.put("step_in_cycle", stepInCycle);
    state.put("cycle", cycle);
    state.put("cur_cycle_steps", cycleSteps);
  }

  @Override
  protected void loadExtra(Map<String, Object> state) {
    stepInCycle = number(state, "step_in_cycle");
    cycle = number(state, "cycle");
    cycleSteps = number(state, "cur_cycle_steps");
  }
}
