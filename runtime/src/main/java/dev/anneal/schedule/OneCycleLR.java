package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import dev.anneal.vocabulary.LrCurve;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.OneCycleLR}: from {@code max_lr/div_factor} up to {@code max_lr}
 * and down to {@code initial_lr/final_div_factor} (two phases, or three with {@code three_phase}),
 * by cosine or linear annealing, with momentum or beta1 cycled inversely.
 *
 * <p>A group that joins later takes a scalar {@code max_lr}; for a per-group list it takes its own
 * lr as its {@code max_lr}.
 *
 * <p><b>Several on the same groups.</b> PyTorch's constructor writes {@code initial_lr},
 * {@code max_lr} and {@code min_lr} (and {@code max_momentum}, {@code base_momentum} when it cycles
 * momentum) into the param groups, and {@code get_lr} reads them back from there. In a
 * {@code SequentialLR} or {@code ChainedScheduler} holding two OneCycleLRs the last one built has
 * written them, so an earlier one runs its own phases between the later one's bounds. The
 * composites reproduce this ({@link #readBoundsFrom}); {@code torch} gives the same numbers.
 */
public final class OneCycleLR extends AbstractLrScheduler {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "OneCycleLR";
  private final int totalSteps;
  private final double[] phaseEnds;
  private final boolean threePhase;
  private final boolean cosine;
  private final PerGroup maxLrArg;
  private final double divFactor;
  private final double finalDivFactor;
  private final MomentumCycle momentum;
  private double[] maxLrs = new double[0];
  private double[] minLrs = new double[0];
  private final double pctStart;
  private LrCurve curve;
  private int curveGroups;
  /** Whose lr bounds the groups hold (PyTorch reads them from the groups): this, or a OneCycleLR built later. */
  private OneCycleLR lrBounds = this;
  /** Whose momentum bounds the groups hold: this, or a later OneCycleLR that cycles momentum too. */
  private OneCycleLR momentumBounds = this;

  public OneCycleLR(GroupSource groups, PerGroup maxLr, int totalSteps, double pctStart, String annealStrategy,
      boolean cycleMomentum, PerGroup baseMomentum, PerGroup maxMomentum, double divFactor,
      double finalDivFactor, boolean threePhase) {
    super(TYPE, groups);
    int n = groups.size();
    maxLr.checkSize(n);
    this.totalSteps = totalSteps;
    this.threePhase = threePhase;
    this.pctStart = pctStart;
    this.phaseEnds = threePhase
        ? new double[] {pctStart * totalSteps - 1, 2 * pctStart * totalSteps - 2, totalSteps - 1}
        : new double[] {pctStart * totalSteps - 1, totalSteps - 1};
    this.cosine = annealStrategy.equals("cos");
    this.maxLrArg = maxLr;
    this.divFactor = divFactor;
    this.finalDivFactor = finalDivFactor;
    this.momentum = new MomentumCycle(TYPE, groups, cycleMomentum, baseMomentum, maxMomentum);
    start();
  }

  @Override
  protected void prepareGroup(int g, ParamGroup group) {
    double max = maxLrArg.get(g, group.lr());
    double initial = max / divFactor;
    group.set(ParamGroup.INITIAL_LR, initial);
    maxLrs = ensure(maxLrs, g);
    minLrs = ensure(minLrs, g);
    maxLrs[g] = max;
    minLrs[g] = initial / finalDivFactor;
    momentum.prepare(g, group);
  }

  /**
   * Reads the groups' bounds as {@code later} wrote them, as PyTorch's {@code get_lr} does after a
   * later OneCycleLR's constructor overwrote {@code initial_lr}, {@code max_lr}, {@code min_lr} and,
   * when {@code later} cycles momentum, {@code max_momentum} and {@code base_momentum}.
   */
  void readBoundsFrom(OneCycleLR later) {
    lrBounds = later;
    if (later.momentum.enabled()) {
      momentumBounds = later;
    }
    curve = null;
  }

  /** Whether every bound is this scheduler's own (no later OneCycleLR overwrote them). */
  boolean ownsBounds() {
    return lrBounds == this && momentumBounds == this;
  }

  private double anneal(double start, double end, double pct) {
    if (cosine) {
      double cosOut = Math.cos(Math.PI * pct) + 1;
      return end + (start - end) / 2.0 * cosOut;
    }
    return (end - start) * pct + start;
  }

  // The phases' start and end values, as PyTorch names them: initial_lr -> max_lr -> (initial_lr ->) min_lr.
  private double lrAt(int phase, boolean end, int g) {
    if (threePhase) {
      return switch (phase * 2 + (end ? 1 : 0)) {
        case 0, 3, 4 -> lrBounds.baseLrs[g];
        case 1, 2 -> lrBounds.maxLrs[g];
        default -> lrBounds.minLrs[g];
      };
    }
    return switch (phase * 2 + (end ? 1 : 0)) {
      case 0 -> lrBounds.baseLrs[g];
      case 1, 2 -> lrBounds.maxLrs[g];
      default -> lrBounds.minLrs[g];
    };
  }

  private double momentumAt(int phase, boolean end, int g) {
    boolean max = switch (phase * 2 + (end ? 1 : 0)) {
      case 0 -> true;
      case 1, 2 -> false;
      default -> true;
    };
    MomentumCycle bounds = momentumBounds.momentum;
    return max ? bounds.max(g) : bounds.base(g);
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    int stepNum = lastEpoch;
    if (stepNum > totalSteps) {
      throw new IllegalStateException("Tried to step " + (stepNum + 1) + " times. The specified number of total steps is " + totalSteps);
    }
    return phaseLr(g, group, stepNum);
  }

  /** PyTorch's {@code get_lr} for one group at {@code stepNum}; writes the momentum when {@code group} is given. */
  private double phaseLr(int g, ParamGroup group, int stepNum) {
    double startStep = 0;
    for (int i = 0; i < phaseEnds.length; i++) {
      double endStep = phaseEnds[i];
      if (stepNum <= endStep || i == phaseEnds.length - 1) {
        if (endStep == startStep) {
          throw new IllegalStateException("OneCycleLR phase " + (i + 1) + " of " + phaseEnds.length + " is zero steps long (pct_start "
              + pctStart + " of total_steps " + totalSteps + "), reached at step " + stepNum
              + "; PyTorch raises ZeroDivisionError here: change pct_start or total_steps");
        }
        double pct = (stepNum - startStep) / (endStep - startStep);
        if (group != null && momentum.enabled()) {
          Momentum.write(group, anneal(momentumAt(i, false, g), momentumAt(i, true, g), pct));
        }
        return anneal(lrAt(i, false, g), lrAt(i, true, g), pct);
      }
      startStep = endStep;
    }
    throw new AssertionError("unreachable");
  }

  @Override
  protected double closedFormLr(int g, double base) {
    int at = Math.min(lastEpoch, totalSteps);
    // the descriptor's closed form knows this scheduler's own max_lr only; with a later one's bounds, PyTorch's get_lr
    return lrBounds == this ? curve().lr(g, base, at) : phaseLr(g, null, at);
  }

  /** {@return the descriptor's closed form for the groups' max_lr as they stand (rebuilt when a group joins or a state is loaded)} */
  private LrCurve curve() {
    if (curve == null || curveGroups != groupCount()) {
      Map<String, Object> kwargs = new LinkedHashMap<>();
      kwargs.put("max_lr", toList(maxLrs, groupCount()));
      kwargs.put("total_steps", totalSteps);
      kwargs.put("pct_start", pctStart);
      kwargs.put("anneal_strategy", cosine ? "cos" : "linear");
      kwargs.put("div_factor", divFactor);
      kwargs.put("final_div_factor", finalDivFactor);
      kwargs.put("three_phase", threePhase);
      curve = descriptorCurve(TYPE, kwargs);
      curveGroups = groupCount();
    }
    return curve;
  }

  @Override
  protected boolean cyclesMomentum() {
    return momentum.enabled();
  }

  @Override
  protected void saveExtra(Map<String, Object> state) {
    state.put("max_lrs", toList(maxLrs, groupCount()));
    state.put("min_lrs", toList(minLrs, groupCount()));
    momentum.save(state, groupCount());
  }

  @Override
  protected void loadExtra(Map<String, Object> state) {
    System.arraycopy(numbers(state, "max_lrs"), 0, maxLrs, 0, groupCount());
    System.arraycopy(numbers(state, "min_lrs"), 0, minLrs, 0, groupCount());
    momentum.load(state, groupCount());
    curve = null;
  }
}
