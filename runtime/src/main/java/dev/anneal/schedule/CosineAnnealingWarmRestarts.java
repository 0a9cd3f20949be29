package dev.anneal.schedule;

import dev.anneal.optim.ParamGroup;
import dev.anneal.vocabulary.builtin.Curves;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts} (SGDR): cosine from the base lr to
 * {@code eta_min} over {@code T_0} steps, then restarts with periods multiplied by {@code T_mult}.
 * {@link #stepTo(double)} takes fractional epochs, as PyTorch's {@code step(epoch)} does.
 */
public final class CosineAnnealingWarmRestarts extends AbstractLrScheduler {
  public static final String TYPE = "CosineAnnealingWarmRestarts";
  private final int t0;
  private final int tMult;
  private final double etaMin;
  private double tI;
  private double tCur;

  public CosineAnnealingWarmRestarts(GroupSource groups, int t0, int tMult, double etaMin) {
    super(TYPE, groups);
    this.t0 = t0;
    this.tMult = tMult;
    this.etaMin = etaMin;
    this.tI = t0;
    this.tCur = groups.lastEpoch(); // PyTorch's T_cur = last_epoch: resumed at k, it steps on from k
    start();
  }

  @Override
  protected void initialStep() {
    if (lastEpoch < 0) {
      stepTo(0);
    } else {
      advance(Double.NaN, false);
    }
  }

  @Override
  protected void advance(double metric, boolean hasMetric) {
    if (lastEpoch < 0) {
      moveTo(0);
      return;
    }
    lastEpoch++;
    tCur = tCur + 1;
    if (tCur >= tI) {
      tCur = tCur % tI; // PyTorch 2.x (1.13 subtracted T_i once; the two differ only when resumed past a cycle)
      tI = tI * tMult;
    }
    writeAll();
  }

  @Override
  public void stepTo(double epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("Expected non-negative epoch, but got " + epoch);
    }
    joinIfRoot();
    moveTo(epoch);
  }

  @Override
  protected double closedFormLr(int g, double base) {
    // stepTo has already moved T_cur / T_i (see moveTo); a joining group uses the current cycle.
    return Curves.cosineBetween(base, etaMin, tCur, tI);
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    return closedFormLr(g, baseLrs[g]);
  }

  /** PyTorch's {@code step(epoch)} bookkeeping for an explicit epoch. */
  private void moveTo(double epoch) {
    double[] cycle = Curves.warmRestartsCycle(t0, tMult, epoch);
    tCur = cycle[0];
    tI = cycle[1];
    lastEpoch = (int) Math.floor(epoch);
    writeAll();
  }

  private void writeAll() {
    for (int g = 0; g < groupCount(); g++) {
      write(g, groups.get(g), closedFormLr(g, baseLrs[g]));
    }
  }

  @Override
  protected void reset() {
    super.reset();
    tI = t0;
    tCur = -1;
  }

  @Override
  protected void saveExtra(Map<String, Object> state) {
    state.put("T_i", tI);
    state.put("T_cur", tCur);
  }

  @Override
  protected void loadExtra(Map<String, Object> state) {
    tI = number(state, "T_i");
    tCur = number(state, "T_cur");
  }
}
