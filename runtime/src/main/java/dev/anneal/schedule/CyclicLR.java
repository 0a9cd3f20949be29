package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * {@code torch.optim.lr_scheduler.CyclicLR}: lr cycles between {@code base_lr} and {@code max_lr}
 * ({@code triangular}, {@code triangular2}, {@code exp_range} or a custom scale function with its
 * scale mode), and momentum (SGD) or beta1 (Adam-style, as PyTorch 2.x) cycles inversely.
 *
 * <p>A group that joins later: a scalar {@code base_lr}/{@code max_lr}/momentum bound applies to
 * it; for a per-group list it takes its own lr as {@code base_lr}, {@code max_lr} in the same
 * ratio as the last listed group, and the last listed momentum bounds.
 */
public final class CyclicLR extends AbstractLrScheduler {
  /** PyTorch's class name, as specs, descriptors and checkpoints name it. */
  public static final String TYPE = "CyclicLR";

  /** How the scale function's argument is counted: cycles or iterations. */
  public enum ScaleMode { CYCLE, ITERATIONS }

  private final PerGroup baseLrArg;
  private final PerGroup maxLrArg;
  private final double totalSize;
  private final double stepRatio;
  private final String mode;
  private final double gamma;
  private final DoubleUnaryOperator customScale;
  private final ScaleMode scaleMode;
  private final MomentumCycle momentum;
  private double[] maxLrs = new double[0];

  /**
   * @param mode {@code triangular}, {@code triangular2} or {@code exp_range}; ignored when
   *     {@code scaleFn} is given
   * @param scaleFn a custom scale function, or null
   * @param scaleMode how {@code scaleFn} counts (ignored for the built-in modes)
   */
  public CyclicLR(GroupSource groups, PerGroup baseLr, PerGroup maxLr, double stepSizeUp, Double stepSizeDown,
      String mode, double gamma, DoubleUnaryOperator scaleFn, ScaleMode scaleMode, boolean cycleMomentum,
      PerGroup baseMomentum, PerGroup maxMomentum) {
    super(TYPE, groups);
    int n = groups.size();
    baseLr.checkSize(n);
    maxLr.checkSize(n);
    this.baseLrArg = baseLr;
    this.maxLrArg = maxLr;
    double down = stepSizeDown != null ? stepSizeDown : stepSizeUp;
    this.totalSize = stepSizeUp + down;
    this.stepRatio = stepSizeUp / totalSize;
    this.mode = mode;
    this.gamma = gamma;
    this.customScale = scaleFn;
    this.scaleMode = scaleFn != null ? scaleMode : (mode.equals("exp_range") ? ScaleMode.ITERATIONS : ScaleMode.CYCLE);
    this.momentum = new MomentumCycle(TYPE, groups, cycleMomentum, baseMomentum, maxMomentum);
    start();
  }

  @Override
  protected void prepareGroup(int g, ParamGroup group) {
    double base = baseLrArg.get(g, group.lr());
    double max;
    if (!maxLrArg.isList() || g < maxLrArg.values().size()) {
      max = maxLrArg.get(g, Double.NaN);
    } else {
      int last = maxLrArg.values().size() - 1;
      max = base * maxLrArg.values().get(last) / baseLrArg.get(last, base);
    }
    group.setLr(base);
    maxLrs = ensure(maxLrs, g);
    maxLrs[g] = max;
    momentum.prepare(g, group);
  }

  @Override
  protected void onRegister(int g, ParamGroup group) {
    baseLrs[g] = group.lr(); // PyTorch: base_lrs are the base_lr argument, not initial_lr
  }

  private double scale(double x) {
    if (customScale != null) {
      return customScale.applyAsDouble(x);
    }
    return switch (mode) {
      case "triangular2" -> 1 / Math.pow(2.0, x - 1);
      case "exp_range" -> Math.pow(gamma, x);
      default -> 1.0;
    };
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    double cycle = Math.floor(1 + lastEpoch / totalSize);
    double x = 1.0 + lastEpoch / totalSize - cycle;
    double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    double s = scale(scaleMode == ScaleMode.CYCLE ? cycle : lastEpoch);
    double lr = baseLrs[g] + (maxLrs[g] - baseLrs[g]) * scaleFactor * s;
    if (momentum.enabled()) {
      double height = (momentum.max(g) - momentum.base(g)) * scaleFactor;
      Momentum.write(group, momentum.max(g) - height * s);
    }
    return lr;
  }

  @Override
  protected double closedFormLr(int g, double base) {
    double cycle = Math.floor(1 + lastEpoch / totalSize);
    double x = 1.0 + lastEpoch / totalSize - cycle;
    double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    return baseLrs[g] + (maxLrs[g] - baseLrs[g]) * scaleFactor * scale(scaleMode == ScaleMode.CYCLE ? cycle : lastEpoch);
  }

  @Override
  protected boolean cyclesMomentum() {
    return momentum.enabled();
  }

  @Override
  protected void saveExtra(Map<String, Object> state) {
    state.put("max_lrs", toList(maxLrs, groupCount()));
    momentum.save(state, groupCount());
  }

  @Override
  protected void loadExtra(Map<String, Object> state) {
    System.arraycopy(numbers(state, "max_lrs"), 0, maxLrs, 0, groupCount());
    momentum.load(state, groupCount());
  }
}
