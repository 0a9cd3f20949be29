package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.ReduceLROnPlateau}: multiplies every group's lr by {@code factor}
 * (not below its {@code min_lr}, and not by less than {@code eps}) once the monitored metric has not
 * improved for more than {@code patience} steps; then waits {@code cooldown} steps.
 *
 * <p>A group that joins later keeps its lr until the next reduction; its {@code min_lr} is the
 * scalar {@code min_lr}, or 0 when {@code min_lr} was a per-group list.
 */
public final class ReduceLROnPlateau extends AbstractLrScheduler {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "ReduceLROnPlateau";
  private final boolean maxMode;
  private final double factor;
  private final int patience;
  private final double threshold;
  private final boolean relative;
  private final int cooldown;
  private final PerGroup minLrArg;
  private final double eps;
  private double[] minLrs = new double[0];
  private double best;
  private int numBadEpochs;
  private int cooldownCounter;

  public ReduceLROnPlateau(GroupSource groups, String mode, double factor, int patience, double threshold, String thresholdMode,
      int cooldown, PerGroup minLr, double eps) {
    super(TYPE, groups);
    minLr.checkSize(groups.size());
    this.maxMode = mode.equals("max");
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
    this.relative = thresholdMode.equals("rel");
    this.cooldown = cooldown;
    this.minLrArg = minLr;
    this.eps = eps;
    resetCounters();
    start();
  }

  private void resetCounters() {
    best = maxMode ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    numBadEpochs = 0;
    cooldownCounter = 0;
  }

  @Override
  protected void onRegister(int g, ParamGroup group) {
    minLrs = ensure(minLrs, g);
    minLrs[g] = minLrArg.get(g, 0.0);
  }

  /** Construction changes no lr (PyTorch takes no initial step here). */
  @Override
  protected void initialStep() {
    lastEpoch = 0;
    recordLastLrs();
  }

  @Override
  public boolean needsMetric() {
    return true;
  }

  @Override
  protected void advance(double metric, boolean hasMetric) {
    if (!hasMetric) {
      throw new IllegalStateException("ReduceLROnPlateau needs the monitored metric: call step(metric)");
    }
    lastEpoch++;
    if (isBetter(metric, best)) {
      best = metric;
      numBadEpochs = 0;
    } else {
      numBadEpochs++;
    }
    if (cooldownCounter > 0) {
      cooldownCounter--;
      numBadEpochs = 0;
    }
    if (numBadEpochs > patience) {
      reduce();
      cooldownCounter = cooldown;
      numBadEpochs = 0;
    }
    recordLastLrs();
  }

  private void reduce() {
    for (int g = 0; g < groupCount(); g++) {
      ParamGroup group = groups.get(g);
      double oldLr = group.lr();
      double newLr = Math.max(oldLr * factor, minLrs[g]);
      if (oldLr - newLr > eps) {
        group.setLr(newLr);
      }
    }
  }

  private boolean isBetter(double a, double best) {
    if (!maxMode && relative) {
      return a < best * (1.0 - threshold);
    } else if (!maxMode) {
      return a < best - threshold;
    } else if (relative) {
      return a > best * (threshold + 1.0);
    }
    return a > best + threshold;
  }

  /**
   * Only {@code stepTo(0)}, the restart a {@link SequentialLR} milestone does: every group back to
   * its base lr, counters cleared. Any other epoch has no meaning without the metrics.
   */
  @Override
  public void stepTo(double epoch) {
    if (epoch != 0) {
      throw new UnsupportedOperationException("ReduceLROnPlateau has no closed form: step it with step(metric)");
    }
    joinIfRoot();
    resetCounters();
    lastEpoch = 0;
    for (int g = 0; g < groupCount(); g++) {
      write(g, groups.get(g), baseLrs[g]);
    }
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    return group.lr();
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return base;
  }

  @Override
  protected double joinLr(int g, ParamGroup group) {
    return group.lr();
  }

  @Override
  protected void reset() {
    super.reset();
    resetCounters();
  }

  @Override
  protected void saveExtra(Map<String, Object> state) {
    state.put("best", best);
    state.put("num_bad_epochs", numBadEpochs);
    state.put("cooldown_counter", cooldownCounter);
    state.put("min_lrs", toList(minLrs, groupCount()));
  }

  @Override
  protected void loadExtra(Map<String, Object> state) {
    best = number(state, "best");
    numBadEpochs = (int) number(state, "num_bad_epochs");
    cooldownCounter = (int) number(state, "cooldown_counter");
    System.arraycopy(numbers(state, "min_lrs"), 0, minLrs, 0, groupCount());
  }
}
