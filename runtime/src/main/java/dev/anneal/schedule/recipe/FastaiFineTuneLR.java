package dev.anneal.schedule.recipe;

import dev.anneal.optim.ParamGroup;
import dev.anneal.schedule.AbstractLrScheduler;
import dev.anneal.schedule.GroupSource;
import dev.anneal.schedule.Momentum;
import dev.anneal.schedule.StagedSchedule;
import dev.anneal.vocabulary.Values;
import dev.anneal.vocabulary.builtin.FastaiCurves;
import java.util.ArrayList;
import java.util.List;

/**
 * fastai's {@code Learner.fine_tune(epochs, base_lr, freeze_epochs, lr_mult, pct_start, div)} (type
 * {@code fastai.fine_tune}) as one schedule of the optimizer step:
 *
 * <ol>
 *   <li>the first {@code freeze_epochs} epochs are {@code fit_one_cycle(freeze_epochs, slice(base_lr),
 *       pct_start=0.99)}: lr_max is {@code base_lr} for the last layer group and {@code base_lr / 10}
 *       for the others, {@code div} 25;
 *   <li>the next {@code epochs} are {@code fit_one_cycle(epochs, slice(base_lr/2/lr_mult, base_lr/2),
 *       pct_start, div)}: lr_max spread geometrically over the layer groups (fastai's {@code even_mults}).
 * </ol>
 *
 * Each stage's position restarts at 0 ({@code train_iter / total} of its own fit) and momentum (Adam's
 * beta1) follows {@code moms} in both. {@code base_lr} is each group's own lr. When the second fit
 * begins the plan clears the optimizer state ({@link StagedSchedule}), as {@code unfreeze()} does
 * through {@code Learner.freeze_to}'s {@code opt.clear_state()}.
 *
 * <p><b>Layer groups</b> are fastai's parameter lists: the plan's declared groups, in order, a
 * declared group's {@code <name>.no_decay} part belonging to its layer group. The freezing itself is
 * the plan's ({@code @Freeze(untilEpoch = freeze_epochs)} on every group but the last; leave a
 * norm-only group unfrozen for fastai's {@code train_bn}).
 */
public final class FastaiFineTuneLR extends AbstractLrScheduler implements StagedSchedule {
  /** The descriptor's name. */
  public static final String TYPE = "fastai.fine_tune";
  private final int frozenSteps;
  private final int unfrozenSteps;
  private final double lrMult;
  private final double pctStart;
  private final double div;
  private final double divFinal;
  private final List<Double> moms;
  private final List<String> layerNames = new ArrayList<>();
  private int[] layerOf = new int[0];

  /** @param k the arguments, checked and defaulted by the descriptor */
  public FastaiFineTuneLR(GroupSource groups, Values k) {
    super(TYPE, groups);
    int epochs = k.integer("epochs");
    int freezeEpochs = k.integer("freeze_epochs");
    int total = k.integer("total_steps");
    String problem = FastaiCurves.fineTuneProblem(total, epochs, freezeEpochs);
    if (problem != null) {
      throw new IllegalArgumentException(TYPE + " " + problem);
    }
    int perEpoch = total / (epochs + freezeEpochs);
    this.frozenSteps = freezeEpochs * perEpoch;
    this.unfrozenSteps = epochs * perEpoch;
    this.lrMult = k.number("lr_mult");
    this.pctStart = k.number("pct_start");
    this.div = k.number("div");
    this.divFinal = k.number("div_final");
    this.moms = List.copyOf(k.numbers("moms"));
    start();
  }

  static void requireMomentum(String type, ParamGroup group) {
    if (!Momentum.supported(group)) {
      throw new IllegalArgumentException(type + " schedules momentum (moms), but group " + group.name()
          + " has neither momentum nor betas; use an optimizer with betas (fastai's Adam is AdamW with betas=(mom, sqr_mom))");
    }
  }

  @Override
  protected void onRegister(int g, ParamGroup group) {
    requireMomentum(TYPE, group);
    String suffix = "." + ParamGroup.NO_DECAY_PART;
    String name = group.name().endsWith(suffix) ? group.name().substring(0, group.name().length() - suffix.length()) : group.name();
    int layer = layerNames.indexOf(name);
    if (layer < 0) {
      layer = layerNames.size();
      layerNames.add(name);
    }
    layerOf = ensureInts(layerOf, g);
    layerOf[g] = layer;
  }

  private static int[] ensureInts(int[] values, int g) {
    return values.length > g ? values : java.util.Arrays.copyOf(values, Math.max(4, 2 * (g + 1)));
  }

  /** {@return the layer group (0 the lowest) of scheduler group {@code g}} */
  public int layerGroup(int g) {
    return layerOf[g];
  }

  /** {@return how many layer groups the groups form} */
  public int layerGroups() {
    return layerNames.size();
  }

  private boolean frozenStage(int t) {
    return t < frozenSteps;
  }

  private double pos(int t) {
    if (t > frozenSteps + unfrozenSteps) {   // PyTorch-style: the step after the last one may be taken, its lr unused
      throw new IllegalStateException(TYPE + " was stepped " + (t + 1) + " times, past its total_steps "
          + (frozenSteps + unfrozenSteps) + "; fastai's fine_tune ends there");
    }
    return frozenStage(t) ? (double) t / frozenSteps : (double) (t - frozenSteps) / unfrozenSteps;
  }

  private double lrAt(int g, double base, int t) {
    pos(t);   // refuses a step past the end
    return FastaiCurves.fineTuneLr(base, layerOf[g], layerGroups(), t, frozenSteps, unfrozenSteps, lrMult, pctStart, div, divFinal);
  }

  @Override
  protected double computeLr(int g, ParamGroup group) {
    double pct = frozenStage(lastEpoch) ? FastaiCurves.FINE_TUNE_FROZEN_PCT_START : pctStart;
    Momentum.write(group, FastaiCurves.oneCycleMomentum(moms, pct, pos(lastEpoch)));
    return lrAt(g, baseLrs[g], lastEpoch);
  }

  @Override
  protected double closedFormLr(int g, double base) {
    return lrAt(g, base, Math.min(lastEpoch, frozenSteps + unfrozenSteps));
  }

  @Override
  public boolean stageBegins() {
    return frozenSteps > 0 && lastEpoch == frozenSteps;
  }

  @Override
  public GroupSource stageGroups() {
    return groups;
  }

  @Override
  protected boolean cyclesMomentum() {
    return true;
  }
}
